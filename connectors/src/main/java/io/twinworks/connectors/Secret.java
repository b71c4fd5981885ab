package io.twinworks.connectors;

import java.util.Objects;

/**
 * A password or key read from configuration. Its {@link #toString()} never shows the value, so a record holding
 * one can be logged whole; ask for {@link #reveal()} only where the secret is handed to a client.
 */
public record Secret(String value) {

  public static final Secret NONE = new Secret("");

  public Secret {
    Objects.requireNonNull(value, "value");
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** The secret itself, e.g. for {@code MqttConnectOptions.setPassword}. */
  public char[] reveal() {
    return value.toCharArray();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "" : "***";
  }
}
