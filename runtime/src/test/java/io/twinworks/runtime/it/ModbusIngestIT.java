package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.testsupport.FreePorts;
import io.twinworks.testsupport.ModbusTestSlave;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Modbus device configured in the runtime: its poller (a sharded daemon) reads a real j2mod slave every 100 ms
 * and the machine twin shows the values, and then a changed register.
 */
class ModbusIngestIT {

  private static final String TWIN = "default:line1:press01";

  @TempDir
  Path dir;

  @Test
  void aPolledDeviceFeedsItsTwin() throws Exception {
    int port = FreePorts.find();
    // 21.5f = 0x41AC0000: words 0x41AC, 0x0000 (big/big); cycle count 7; the run coil on
    try (ModbusTestSlave slave = new ModbusTestSlave().holding(0x41AC, 0x0000, 7).coils(true).open(port)) {
      Path config = Files.writeString(dir.resolve("modbus.conf"), """
          twinworks.connectors.modbus.devices = [{
            name = press01, host = "127.0.0.1", port = %d, twin = "%s", poll-interval = 100ms
            registers = [
              { name = temperature, table = holding, address = 0, type = float32 }
              { name = cycle_count, table = holding, address = 2, type = uint16 }
              { name = run_status, table = coil, address = 0 }
            ]
          }]
          """.formatted(port, TWIN));
      try (RuntimeProcess runtime = RuntimeProcess.start(dir.resolve("data"), RuntimeProcess.Ports.free(), Map.of(),
          config)) {
        Eventually.within(Duration.ofSeconds(30), () -> {
          JsonNode signals = twin(runtime).get("signals");
          assertEquals(21.5, signals.get("temperature").get("value").asDouble(), signals.toString());
          assertEquals(7, signals.get("cycle_count").get("value").asDouble(), signals.toString());
          assertEquals(1, signals.get("run_status").get("value").asDouble(), signals.toString());
        });
        assertEquals("machine", twin(runtime).get("kind").asText());

        slave.image.getRegister(2).setValue(8);
        Eventually.within(Duration.ofSeconds(10), () ->
            assertEquals(8, twin(runtime).get("signals").get("cycle_count").get("value").asDouble()));
      }
    }
  }

  private static JsonNode twin(RuntimeProcess runtime) throws Exception {
    RuntimeProcess.Answer answer = runtime.get("/api/v1/twins/" + TWIN);
    assertEquals(200, answer.status(), answer.text());
    return answer.json();
  }
}
