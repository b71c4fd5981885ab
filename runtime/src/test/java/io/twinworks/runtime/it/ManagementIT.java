package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pekko Management's probes and the metrics endpoint: {@code /ready} follows the MQTT subscription
 * (down when the broker is gone, back when a broker listens at the same address again).
 */
class ManagementIT {

  @TempDir
  Path dataDir;

  @Test
  void probesAndMetricsFollowTheBroker() throws Exception {
    MosquittoBroker mosquitto = MosquittoBroker.start();
    try (RuntimeProcess runtime = RuntimeProcess.start(dataDir, RuntimeProcess.Ports.free(),
        Map.of("twinworks.mqtt.url", mosquitto.url()))) {
      RuntimeProcess.Answer alive = runtime.managementGet("/alive");
      assertEquals(200, alive.status(), alive.text());
      Eventually.within(Duration.ofSeconds(20), () -> {
        RuntimeProcess.Answer ready = runtime.managementGet("/ready");
        assertEquals(200, ready.status(), ready.text());
      });

      RuntimeProcess.Answer metrics = runtime.get("/metrics");
      assertEquals(200, metrics.status(), metrics.text());
      for (String name : new String[] {"twinworks_ingest_messages_total", "twinworks_dead_letters_total",
          "twinworks_persist_total"}) {
        assertTrue(metrics.text().lines().anyMatch(l -> l.startsWith(name)), name + " missing:\n" + metrics.text());
      }
      assertTrue(metrics.text().lines().anyMatch(l -> l.equals("twinworks_mqtt_connected 1.0")),
          "twinworks_mqtt_connected 1.0 missing:\n" + metrics.text());
      // The node's view of its single-node cluster, and the gauges sampled from its shard regions (no twins yet).
      for (String sample : new String[] {"twinworks_cluster_members{status=\"up\"} 1.0",
          "twinworks_cluster_members{status=\"leaving\"} 0.0", "twinworks_cluster_unreachable_members 0.0",
          "twinworks_cluster_shards 0.0", "twinworks_cluster_twins 0.0", "twinworks_alert_latency_seconds_count 0"}) {
        assertTrue(metrics.text().lines().anyMatch(l -> l.equals(sample)), sample + " missing:\n" + metrics.text());
      }

      mosquitto.stop();
      Eventually.within(Duration.ofSeconds(30), () -> {
        RuntimeProcess.Answer ready = runtime.managementGet("/ready");
        assertNotEquals(200, ready.status(), "still ready with the broker gone: " + ready.text());
      });
      RuntimeProcess.Answer stillAlive = runtime.managementGet("/alive");
      assertEquals(200, stillAlive.status(), "a missing broker is not a reason to restart: " + stillAlive.text());
      assertTrue(runtime.get("/metrics").text().lines().anyMatch(l -> l.equals("twinworks_mqtt_connected 0.0")),
          "twinworks_mqtt_connected should be 0 with the broker gone");

      mosquitto.startAgain();
      // Reconnect backoff: 1 s doubling to 30 s (+20 %), so allow a full max-backoff and then some.
      Eventually.within(Duration.ofSeconds(60), () -> {
        RuntimeProcess.Answer ready = runtime.managementGet("/ready");
        assertEquals(200, ready.status(), "not ready again with the broker back: " + ready.text());
      });
      assertTrue(runtime.isAlive());
    } finally {
      mosquitto.close();
    }
  }
}
