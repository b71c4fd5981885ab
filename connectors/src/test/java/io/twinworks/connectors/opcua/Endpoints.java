package io.twinworks.connectors.opcua;

import io.twinworks.connectors.Backoff;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.testsupport.OpcUaTestServer;
import java.time.Duration;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/** Endpoints and nodes of the test server, for the connector tests. */
final class Endpoints {

  static final TwinId TWIN = TwinId.of("default:line1:cnc01");
  /** Quick reconnects, so that a restart test takes seconds. */
  static final Backoff QUICK = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0.2);

  private Endpoints() {}

  static NodeMapping subscribed(OpcUaTestServer server, String variable, String signal, Duration sampling) {
    return new NodeMapping(NodeId.parse(server.nodeId(variable)), TWIN, TwinKind.MACHINE, signal,
        NodeMapping.Mode.SUBSCRIBE, sampling, 10, Deadband.NONE, Duration.ofSeconds(1));
  }

  static NodeMapping polled(OpcUaTestServer server, String variable, String signal, Duration interval) {
    return new NodeMapping(NodeId.parse(server.nodeId(variable)), TWIN, TwinKind.MACHINE, signal,
        NodeMapping.Mode.POLL, Duration.ofMillis(100), 10, Deadband.NONE, interval);
  }

  static OpcUaEndpoint endpoint(ServerConnection connection, List<NodeMapping> nodes) {
    return new OpcUaEndpoint("test", connection, Duration.ofMillis(50), QUICK, nodes);
  }
}
