package io.twinworks.connectors.opcua;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/** Creates Milo clients for a {@link ServerConnection}, with the application certificate of a {@link ClientPki}. */
public final class OpcUaClients {

  private static final UInteger REQUEST_TIMEOUT_MS = UInteger.valueOf(10_000);
  /** A keep-alive read every 2 s (Milo's default is 5 s), so that a server gone silent is noticed sooner. */
  private static final UInteger KEEP_ALIVE_INTERVAL_MS = UInteger.valueOf(2_000);

  private OpcUaClients() {}

  /**
   * A client for {@code connection}, not yet connected. Asks the server for its endpoints (so the server must be
   * reachable) and picks the one with the configured policy and mode, at the host and port of the configured URL
   * (servers often advertise a host name the client cannot resolve).
   *
   * @throws UaException when the server cannot be reached
   * @throws NoMatchingEndpoint when it offers no endpoint with the policy and mode
   */
  public static OpcUaClient create(ServerConnection connection, ClientPki pki) throws UaException {
    return OpcUaClient.create(connection.url(), endpoints -> select(endpoints, connection), transport -> {},
        config -> config
            .setApplicationName(LocalizedText.english("Twinworks"))
            .setApplicationUri(pki.applicationUri())
            .setProductUri("urn:twinworks")
            .setKeyPair(pki.keyPair())
            .setCertificate(pki.certificate())
            .setCertificateChain(new X509Certificate[] {pki.certificate()})
            .setCertificateValidator(pki.serverCertificateValidator(connection.acceptUnknownServerCertificates()))
            .setIdentityProvider(connection.identity().provider())
            .setRequestTimeout(REQUEST_TIMEOUT_MS)
            .setKeepAliveInterval(KEEP_ALIVE_INTERVAL_MS));
  }

  private static Optional<EndpointDescription> select(List<EndpointDescription> endpoints,
      ServerConnection connection) {
    Optional<EndpointDescription> match = endpoints.stream()
        .filter(e -> connection.securityPolicy().getUri().equals(e.getSecurityPolicyUri()))
        .filter(e -> connection.securityMode() == e.getSecurityMode())
        .findFirst()
        .map(e -> EndpointUtil.updateUrl(e, EndpointUtil.getHost(connection.url()),
            EndpointUtil.getPort(connection.url())));
    if (match.isEmpty()) {
      throw new NoMatchingEndpoint(connection, endpoints);
    }
    return match;
  }

  /** The server offers no endpoint with the configured policy and mode; the message lists what it offers. */
  public static final class NoMatchingEndpoint extends RuntimeException {

    NoMatchingEndpoint(ServerConnection connection, List<EndpointDescription> offered) {
      super(connection.url() + " offers no endpoint with security policy " + connection.securityPolicy()
          + " and mode " + connection.securityMode() + "; it offers "
          + offered.stream().map(e -> policyName(e) + "/" + e.getSecurityMode()).distinct().toList());
    }

    private static String policyName(EndpointDescription endpoint) {
      String uri = endpoint.getSecurityPolicyUri();
      return uri.substring(uri.lastIndexOf('#') + 1);
    }
  }
}
