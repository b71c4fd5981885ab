package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.bench.LoadPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while batches are still being persisted: the coordinated shutdown drains ingestion (every
 * message taken in is persisted and acknowledged), exits promptly and cleanly, and the next start on
 * the same data dir finds every reading once and nothing left for the broker to redeliver.
 *
 * <p>SIGTERM is sent the moment the runtime has taken in all messages (its message counter reaches
 * the number published), not right after the publisher's last PUBACK: the drain stops taking
 * messages, so whatever the broker has not handed over yet is rightly delivered to the next start.
 */
class GracefulShutdownIT {

  private static final int SENSORS = 10;
  private static final int READINGS_EACH = 50;
  private static final int MESSAGES = SENSORS * READINGS_EACH;
  private static final int PUBLISH_WINDOW = 500;
  private static final String MESSAGES_METRIC = "twinworks_ingest_messages_total";
  private static final String READINGS_METRIC = "twinworks_ingest_readings_total";

  @TempDir
  Path dataDir;

  @Test
  void sigtermDrainsIngestionAndExitsCleanly() throws Exception {
    RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
    String firstLog;
    try (RuntimeProcess first = RuntimeProcess.start(dataDir, ports, Map.of())) {
      new LoadPublisher("tcp://127.0.0.1:" + ports.mqtt(), SENSORS, READINGS_EACH, Instant.now().minusSeconds(3600))
          .publishAll(PUBLISH_WINDOW, Duration.ofSeconds(60));
      double readingsAtSigterm = awaitAllTakenIn(first);
      long t0 = System.nanoTime();
      OptionalInt exit = first.terminateWithin(Duration.ofSeconds(30));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      firstLog = first.logText();
      assertTrue(exit.isPresent(), "runtime did not exit within 30 s of SIGTERM:\n" + firstLog);
      System.out.printf("GracefulShutdownIT: SIGTERM with %d messages taken in and %.0f readings recorded;"
          + " exit code %d after %d ms%n", MESSAGES, readingsAtSigterm, exit.getAsInt(), millis);
      // 143 = 128 + SIGTERM: the JVM reports the signal once the shutdown hooks (the coordinated shutdown) ran.
      assertTrue(exit.getAsInt() == 0 || exit.getAsInt() == 143, "exit code " + exit.getAsInt() + ":\n" + firstLog);
      // What the shutdown logged is in the log: logging stops at exit only after the runtime has stopped.
      for (String step : List.of("stopping: JvmExitReason", "stopping: ingestion drained", "stopping: store closed")) {
        assertTrue(firstLog.contains(step), "the log says '" + step + "':\n" + firstLog);
      }
    }
    List<String> errors = firstLog.lines().filter(l -> l.contains(" ERROR ")).toList();
    assertEquals(List.of(), errors, "ERROR lines in the log of the stopped runtime:\n" + firstLog);

    try (RuntimeProcess second = RuntimeProcess.start(dataDir, ports, Map.of())) {
      long readyAt = System.nanoTime();
      Eventually.within(Duration.ofSeconds(60), () -> {
        for (int s = 0; s < SENSORS; s++) {
          RuntimeProcess.Answer answer = second.get("/api/v1/twins/" + LoadPublisher.twinId(s));
          assertEquals(200, answer.status(), answer.text());
          JsonNode twin = answer.json();
          assertEquals(READINGS_EACH, twin.get("counts").get("readings").asInt(), "readings of " + LoadPublisher.twinId(s) + ": " + twin);
          assertEquals(LoadPublisher.value(s, READINGS_EACH - 1), twin.get("signals").get("level").get("value").asDouble(), 1e-9);
        }
      });
      // Whatever the broker still held for the session arrives right after the subscription: watch the
      // counter until 5 s after ready (a "stays 0" check, so it polls to the end).
      long watchUntil = readyAt + Duration.ofSeconds(5).toNanos();
      do {
        assertEquals(0.0, metric(second, MESSAGES_METRIC), MESSAGES_METRIC + " of the restarted runtime: messages"
            + " were redelivered, so the drain did not acknowledge them before exit.\nlog of the stopped runtime:\n"
            + firstLog);
        RuntimeProcess.pause(250);
      } while (System.nanoTime() < watchUntil);
      for (int s = 0; s < SENSORS; s++) {
        JsonNode twin = second.get("/api/v1/twins/" + LoadPublisher.twinId(s)).json();
        assertEquals(0, twin.get("counts").get("duplicates").asInt(), "a persisted reading came back: " + twin);
      }
    }
  }

  /** Polls fast until the runtime has taken every message into a batch; answers the readings recorded then. */
  private static double awaitAllTakenIn(RuntimeProcess runtime) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      String metrics = runtime.get("/metrics").text();
      double taken = metric(metrics, MESSAGES_METRIC);
      if (taken >= MESSAGES) {
        return metric(metrics, READINGS_METRIC);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + taken + " of " + MESSAGES + " messages taken in within 60 s:\n"
            + runtime.logText());
      }
      RuntimeProcess.pause(10);
    }
  }

  private static double metric(RuntimeProcess runtime, String name) throws Exception {
    RuntimeProcess.Answer metrics = runtime.get("/metrics");
    assertEquals(200, metrics.status(), metrics.text());
    return metric(metrics.text(), name);
  }

  /** The sum of a metric's samples (all label sets) in Prometheus text. */
  private static double metric(String text, String name) {
    return text.lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

}
