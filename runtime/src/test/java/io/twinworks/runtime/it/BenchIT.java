package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.runtime.bench.Bench;
import io.twinworks.runtime.bench.BenchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/twinworks bench} against a running runtime measures both runs and loses nothing. */
class BenchIT {

  @TempDir
  Path dataDir;

  @Test
  void measuresTheBareBrokerAndTwinworksInOneRun() throws Exception {
    RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
    try (RuntimeProcess runtime = RuntimeProcess.start(dataDir, ports, Map.of())) {
      Path json = dataDir.resolve("bench.json");
      BenchSettings settings = new BenchSettings("tcp://127.0.0.1:" + ports.mqtt(),
          "http://127.0.0.1:" + ports.http(), 10, 200, 1, 200, Duration.ofMinutes(2));
      assertTrue(Bench.run(settings, json), "every reading received in both runs");
      JsonNode report = new ObjectMapper().readTree(json.toFile());
      assertEquals(2, report.get("runs").size());
      for (JsonNode run : report.get("runs")) {
        assertEquals(2000, run.get("received").asLong(), run.toString());
      }
      assertTrue(report.get("ratio").asDouble() > 0, report.toString());
      // Every reading reached the twin: applied in order, or kept as late when it came out of order.
      JsonNode counts = runtime.get("/api/v1/twins/default:LOAD-3").json().get("counts");
      assertEquals(200, counts.get("readings").asInt() + counts.get("late").asInt(), counts.toString());
    }
  }
}
