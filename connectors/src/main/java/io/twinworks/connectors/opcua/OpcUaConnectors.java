package io.twinworks.connectors.opcua;

import io.twinworks.connectors.poll.ReadingSink;
import java.util.List;

/** All configured OPC UA endpoints, each read by its own {@link OpcUaEndpointConnector}, sharing one PKI. */
public final class OpcUaConnectors implements AutoCloseable {

  private final ClientPki pki;
  private final List<OpcUaEndpointConnector> connectors;

  private OpcUaConnectors(ClientPki pki, List<OpcUaEndpointConnector> connectors) {
    this.pki = pki;
    this.connectors = connectors;
  }

  /** Opens the PKI (creating the application certificate on first use) and starts a connector per endpoint. */
  public static OpcUaConnectors start(OpcUaSettings settings, ReadingSink sink) {
    ClientPki pki = ClientPki.open(settings.pkiDir());
    return new OpcUaConnectors(pki,
        settings.endpoints().stream().map(endpoint -> OpcUaEndpointConnector.start(endpoint, pki, sink)).toList());
  }

  public List<OpcUaEndpointConnector> connectors() {
    return connectors;
  }

  @Override
  public void close() {
    connectors.forEach(OpcUaEndpointConnector::close);
    pki.close();
  }
}
