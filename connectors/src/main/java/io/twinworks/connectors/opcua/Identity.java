package io.twinworks.connectors.opcua;

import java.util.Objects;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;

/**
 * Who the client is to the server: anonymous (empty username) or a username and password. The password is never
 * printed.
 */
public record Identity(String username, String password) {

  public static final Identity ANONYMOUS = new Identity("", "");

  public Identity {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  public static Identity user(String username, String password) {
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    return new Identity(username, password);
  }

  public boolean isAnonymous() {
    return username.isEmpty();
  }

  IdentityProvider provider() {
    return isAnonymous() ? AnonymousProvider.INSTANCE : new UsernameProvider(username, password);
  }

  @Override
  public String toString() {
    return isAnonymous() ? "anonymous" : "user " + username;
  }
}
