package io.twinworks.connectors.opcua;

import java.util.Objects;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * How to reach one OPC UA server: its {@code opc.tcp://} URL, the security policy and mode of the endpoint to
 * pick, the user identity, and whether a server certificate not in the trust store is accepted anyway.
 */
public record ServerConnection(
    String url,
    SecurityPolicy securityPolicy,
    MessageSecurityMode securityMode,
    Identity identity,
    boolean acceptUnknownServerCertificates) {

  /** The policies Twinworks offers; the others are deprecated (Basic128Rsa15, Basic256) or rarely served. */
  public static final Set<SecurityPolicy> POLICIES =
      Set.of(SecurityPolicy.None, SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep);

  public ServerConnection {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(securityPolicy, "securityPolicy");
    Objects.requireNonNull(securityMode, "securityMode");
    Objects.requireNonNull(identity, "identity");
    String problem = problemWith(url, securityPolicy, securityMode);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** An anonymous connection without security, e.g. to browse a test server. */
  public static ServerConnection insecure(String url) {
    return new ServerConnection(url, SecurityPolicy.None, MessageSecurityMode.None, Identity.ANONYMOUS, false);
  }

  /** The reason these values make no connection, or {@code null} when they do. */
  static String problemWith(String url, SecurityPolicy policy, MessageSecurityMode mode) {
    if (!url.startsWith("opc.tcp://") || url.length() == "opc.tcp://".length()) {
      return "url must be an opc.tcp:// URL with a host, was '" + url + "'";
    }
    if (!POLICIES.contains(policy)) {
      return "security policy must be one of None, Basic256Sha256, Aes128_Sha256_RsaOaep, was " + policy;
    }
    if (mode == MessageSecurityMode.Invalid) {
      return "security mode must be None, Sign or SignAndEncrypt";
    }
    if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
      return "security mode " + mode + " does not go with security policy " + policy
          + " (policy None needs mode None; Basic256Sha256 and Aes128_Sha256_RsaOaep need Sign or SignAndEncrypt)";
    }
    return null;
  }
}
