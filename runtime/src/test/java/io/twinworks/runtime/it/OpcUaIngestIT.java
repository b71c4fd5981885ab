package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.testsupport.OpcUaTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OPC UA endpoint configured in the runtime: its connector (a sharded daemon) subscribes to and polls Milo's
 * server, and the machine twin shows the values, then a changed one.
 */
class OpcUaIngestIT {

  private static final String TWIN = "default:line1:cnc01";

  @TempDir
  Path dir;

  @Test
  void subscribedAndPolledNodesFeedTheirTwin() throws Exception {
    try (OpcUaTestServer server = OpcUaTestServer.launch()) {
      Path config = Files.writeString(dir.resolve("opcua.conf"), """
          twinworks.connectors.opcua.endpoints = [{
            name = plc1, url = "%s", accept-unknown-server-certificates = true
            nodes = [
              { node-id = "%s", twin = "%s", signal = temperature }
              { node-id = "%s", twin = "%s", signal = run_status }
              { node-id = "%s", twin = "%s", signal = cycle_count, mode = poll, poll-interval = 200ms }
            ]
          }]
          """.formatted(server.url(), server.nodeId("Line1.Temp"), TWIN, server.nodeId("Line1.Running"), TWIN,
          server.nodeId("Line1.Count"), TWIN));
      try (RuntimeProcess runtime = RuntimeProcess.start(dir.resolve("data"), RuntimeProcess.Ports.free(), Map.of(),
          config)) {
        Eventually.within(Duration.ofSeconds(30), () -> {
          JsonNode signals = twin(runtime).get("signals");
          assertEquals(21.5, signals.path("temperature").path("value").asDouble(), signals.toString());
          assertEquals(1, signals.path("run_status").path("value").asDouble(), signals.toString());
          assertEquals(42, signals.path("cycle_count").path("value").asDouble(), signals.toString());
        });

        server.set("Line1.Count", 43, StatusCode.GOOD);
        Eventually.within(Duration.ofSeconds(10), () ->
            assertEquals(43, twin(runtime).get("signals").get("cycle_count").get("value").asDouble()));
      }
    }
  }

  private static JsonNode twin(RuntimeProcess runtime) throws Exception {
    RuntimeProcess.Answer answer = runtime.get("/api/v1/twins/" + TWIN);
    assertEquals(200, answer.status(), answer.text());
    return answer.json();
  }
}
