package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external Mosquitto that restarts (persistence off: the runtime's session and subscriptions are
 * gone) must not need a restart of Twinworks: ingestion reconnects with backoff and subscribes again.
 */
class BrokerRestartIT {

  private static final String SENSOR = "BROKER-RESTART-1";
  private static final String TOPIC = "sensors/" + SENSOR + "/data";

  @TempDir
  Path dataDir;

  @Test
  void ingestionResumesAfterTheBrokerRestarts() throws Exception {
    try (MosquittoBroker mosquitto = MosquittoBroker.start();
        RuntimeProcess runtime = RuntimeProcess.start(dataDir, RuntimeProcess.Ports.free(),
            Map.of("twinworks.mqtt.url", mosquitto.url()))) {
      MosquittoPub.publish(mosquitto.port(), TOPIC, payload(1.5));
      Eventually.within(Duration.ofSeconds(30), () -> assertEquals(1.5, temperature(runtime), 1e-9));

      mosquitto.restart();
      assertTrue(runtime.isAlive(), "runtime exited when the broker went away:\n" + runtime.logText());

      // Publishes before the runtime has subscribed again go nowhere (no session kept): publish until one lands.
      Eventually.within(Duration.ofSeconds(60), () -> {
        assertTrue(runtime.isAlive(), "runtime exited after the broker restart:\n" + runtime.logText());
        MosquittoPub.publish(mosquitto.port(), TOPIC, payload(2.5));
        assertEquals(2.5, temperature(runtime), 1e-9);
      });
      assertTrue(runtime.isAlive(), "runtime exited:\n" + runtime.logText());
      assertEquals(200, runtime.get("/api/v1/twins").status());
    }
  }

  private static String payload(double temperature) {
    return "{\"sensor_id\":\"" + SENSOR + "\",\"temperature\":" + temperature + "}";
  }

  private static double temperature(RuntimeProcess runtime) throws Exception {
    RuntimeProcess.Answer answer = runtime.get("/api/v1/twins/default:" + SENSOR);
    assertEquals(200, answer.status(), answer.text());
    return answer.json().path("signals").path("temperature").path("value").asDouble(Double.NaN);
  }
}
