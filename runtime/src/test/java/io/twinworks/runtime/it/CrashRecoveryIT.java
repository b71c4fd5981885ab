package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.bench.LoadPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery promise: every QoS 1 publish the broker acknowledged is in the twins after a
 * {@code kill -9} of the whole runtime (embedded broker included) and a restart, exactly once.
 */
class CrashRecoveryIT {

  private static final int SENSORS = 20;
  private static final int READINGS_EACH = 100;
  private static final int PUBLISH_WINDOW = 500;

  @TempDir
  Path dataDir;

  @Test
  void acknowledgedPublishesSurviveKillMinusNine() throws Exception {
    RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
    try (RuntimeProcess first = RuntimeProcess.start(dataDir, ports, Map.of())) {
      new LoadPublisher("tcp://127.0.0.1:" + ports.mqtt(), SENSORS, READINGS_EACH, Instant.now().minusSeconds(3600))
          .publishAll(PUBLISH_WINDOW, Duration.ofSeconds(60));
      first.kill9();
    }
    try (RuntimeProcess second = RuntimeProcess.start(dataDir, ports, Map.of())) {
      Eventually.within(Duration.ofSeconds(60), () -> {
        for (int s = 0; s < SENSORS; s++) {
          RuntimeProcess.Answer answer = second.get("/api/v1/twins/" + LoadPublisher.twinId(s));
          assertEquals(200, answer.status(), answer.text());
          JsonNode twin = answer.json();
          assertEquals(READINGS_EACH, twin.get("counts").get("readings").asInt(), "readings of " + LoadPublisher.twinId(s) + ": " + twin);
          assertEquals(LoadPublisher.value(s, READINGS_EACH - 1), twin.get("signals").get("level").get("value").asDouble(), 1e-9);
        }
      });
      System.out.println("CrashRecoveryIT: messages taken in after the restart (redelivered): "
          + second.get("/metrics").text().lines().filter(l -> l.startsWith("twinworks_ingest_messages_total"))
              .findFirst().orElse("none"));
    }
  }

}
