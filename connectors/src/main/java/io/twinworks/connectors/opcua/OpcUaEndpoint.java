package io.twinworks.connectors.opcua;

import io.twinworks.connectors.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured OPC UA server and the nodes read from it.
 *
 * @param name unique; readings carry the origin {@code opcua:<name>}
 * @param publishingInterval how often the server sends the subscription's changes
 * @param reconnect the wait between connection attempts, from the first failure on
 */
public record OpcUaEndpoint(
    String name,
    ServerConnection connection,
    Duration publishingInterval,
    Backoff reconnect,
    List<NodeMapping> nodes) {

  public OpcUaEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(publishingInterval, "publishingInterval");
    Objects.requireNonNull(reconnect, "reconnect");
    nodes = List.copyOf(nodes);
  }

  /** The origin of this endpoint's readings and dead letters. */
  public String origin() {
    return "opcua:" + name;
  }

  public List<NodeMapping> subscribed() {
    return nodes.stream().filter(n -> n.mode() == NodeMapping.Mode.SUBSCRIBE).toList();
  }

  public List<NodeMapping> polled() {
    return nodes.stream().filter(n -> n.mode() == NodeMapping.Mode.POLL).toList();
  }
}
