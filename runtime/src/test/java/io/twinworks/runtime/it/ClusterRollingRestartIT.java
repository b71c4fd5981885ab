package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import io.twinworks.runtime.bench.AlertStreamReader;
import io.twinworks.runtime.bench.Pacer;
import io.twinworks.runtime.bench.WindowedPublisher;
import io.twinworks.runtime.bench.WindowedPublisher.Outgoing;
import io.twinworks.testsupport.CassandraFixture;
import io.twinworks.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Three nodes under a steady QoS 1 load of alert-raising readings (each sensor twin alternates 150 and 20 against a
 * threshold of 100: every pair raises an alert and clears it) are restarted one at a time with SIGTERM, each
 * waited for until it is {@code /ready} again. An SSE subscriber on node 1 reads {@code /api/v1/alerts/stream}
 * throughout and reconnects with {@code Last-Event-ID} while node 1 restarts. Afterwards: every reading is in
 * history exactly once, alerts kept arriving while nodes 2 and 3 were away, and the subscriber got every change the
 * alert log holds, none twice.
 */
class ClusterRollingRestartIT {

  private static final int TWINS = 60;
  /** Readings a second over all twins: each twin one every two seconds. */
  private static final int READINGS_PER_SECOND = 30;
  private static final double HIGH = 150;
  private static final double NORMAL = 20;
  /** Source time between a twin's readings: past the twins' 2 s reorder grace, so each is analysed at the next. */
  private static final Duration STEP = Duration.ofSeconds(5);

  private final Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
  private final AtomicInteger published = new AtomicInteger();
  private final AtomicBoolean stopPublishing = new AtomicBoolean();
  private volatile WindowedPublisher publisher;

  @Test
  void restartingEveryNodeInTurnLosesNoReadingAndNoAlert() throws Exception {
    try (CassandraNode cassandra = CassandraFixture.start();
        MosquittoBroker mosquitto = MosquittoBroker.startPersistent();
        RuntimeCluster cluster = RuntimeCluster.start(RuntimeCluster.newDir("ClusterRollingRestartIT"), 3, cassandra,
            "cluster_rolling", mosquitto.url(), Map.of())) {
      try {
        publisher = new WindowedPublisher(mosquitto.url(), 1);
        CompletableFuture<Void> load = CompletableFuture.runAsync(this::publish);
        RuntimeProcess first = cluster.node(1);
        TwinsAnswering.awaitAll(List.of(first.httpPort()), twinIds(), Duration.ofSeconds(60));
        for (String id : twinIds()) {
          RuntimeProcess.Answer configured = first.put("/api/v1/twins/" + id + "/config",
              "{\"detectors\": {\"value\": [{\"type\": \"threshold\", \"high\": 100}]}}");
          assertEquals(200, configured.status(), configured.text());
        }
        try (AlertStreamReader subscriber = AlertStreamReader.ofTenant(url(first), "default", 0)) {
          awaitMoreChanges(cluster, subscriber, "alerts before the restarts");
          for (int n = 1; n <= cluster.size(); n++) {
            restart(cluster, n, subscriber);
          }
          awaitThresholdChangesFromEveryTwin(cluster, subscriber);
          stopPublishing.set(true);
          load.get();
          verifyEveryReadingOnce(cluster);
          verifyEveryChangeOnce(cluster, subscriber);
        }
      } catch (AssertionError | Exception e) {
        System.out.println(cluster.logs());
        throw e;
      } finally {
        stopPublishing.set(true);
      }
    }
  }

  /** SIGTERM to node {@code n}; while it is away the others take its shards and the alerts go on. */
  private void restart(RuntimeCluster cluster, int n, AlertStreamReader subscriber) throws Exception {
    int exit = cluster.stop(n);
    // 143 = 128 + SIGTERM: the JVM reports the signal once the shutdown hooks (the coordinated shutdown) ran.
    assertTrue(exit == 0 || exit == 143, "node " + n + " exits cleanly on SIGTERM, exit code " + exit);
    if (n != 1) {
      awaitMoreChanges(cluster, subscriber, "alerts while node " + n + " is away");
    }
    cluster.startNode(n);
    cluster.awaitMembersUp(cluster.size());
    System.out.printf("ClusterRollingRestartIT: node %d back; %d readings published, %d alert changes received%n",
        n, published.get(), subscriber.changes().size());
  }

  private void awaitMoreChanges(RuntimeCluster cluster, AlertStreamReader subscriber, String what)
      throws Exception {
    int before = subscriber.changes().size();
    try {
      Eventually.within(Duration.ofSeconds(60), () -> assertTrue(subscriber.changes().size() >= before + 10,
          what + ": " + (subscriber.changes().size() - before) + " new changes; last failure " + subscriber.failure()));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + whereTheAlertsStopped(cluster, subscriber), e);
    }
  }

  /**
   * Every twin still analyses its readings after the restarts: each one's threshold alert changes again. (A twin
   * whose node was away long enough for communication loss once moved its analysis onto our clock, an hour ahead of
   * these readings, and never raised again.)
   */
  private void awaitThresholdChangesFromEveryTwin(RuntimeCluster cluster, AlertStreamReader subscriber)
      throws Exception {
    int before = subscriber.changes().size();
    try {
      Eventually.within(Duration.ofSeconds(60), () -> {
        List<AlertStreamReader.Received> got = subscriber.changes();
        Set<String> changed = new TreeSet<>(twinIds());
        got.subList(before, got.size()).stream()
            .filter(c -> "threshold".equals(c.alert().get("kind").asText()))
            .forEach(c -> changed.remove(c.alert().get("twinId").asText()));
        assertTrue(changed.isEmpty(), "alerts after the restarts: " + (got.size() - before)
            + " new changes, no threshold change from " + changed + "; last failure " + subscriber.failure());
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + whereTheAlertsStopped(cluster, subscriber), e);
    }
  }

  /**
   * Whether the alerts stopped being logged or stopped reaching the subscriber: the last change it got, each node's
   * newest logged alert and its counters (readings applied, changes its alert tail had; on the node running the alert
   * delivery, how far its channel got in the log), and node 1's threads.
   */
  private String whereTheAlertsStopped(RuntimeCluster cluster, AlertStreamReader subscriber)
      throws InterruptedException {
    List<AlertStreamReader.Received> got = subscriber.changes();
    StringBuilder out = new StringBuilder("\nthe subscriber's last change: seq "
        + (got.isEmpty() ? "none" : got.get(got.size() - 1).seq()));
    out.append("\nthe publisher: ").append(published.get()).append(" taken, ").append(publisher.publishedReadings())
        .append(" published, ").append(publisher.acknowledgedReadings()).append(" acknowledged by the broker");
    for (int twin : new int[] {0, 1, 2}) {
      try {
        out.append("\nROLL-").append(twin).append(" on node 1: ")
            .append(cluster.node(1).get("/api/v1/twins/default:ROLL-" + twin).text());
      } catch (java.io.IOException e) {
        out.append(e);
      }
    }
    for (int n = 1; n <= cluster.size(); n++) {
      RuntimeProcess node = cluster.node(n);
      out.append("\nnode ").append(n).append(": ");
      try {
        out.append("newest alerts ").append(node.get("/api/v1/alerts?limit=2").text()).append("; ");
        node.get("/metrics").text().lines()
            .filter(l -> l.startsWith("twinworks_alert_latency_seconds_count")
                || l.startsWith("twinworks_alert_delivery_")
                || l.startsWith("twinworks_ingest_readings_total{outcome=\"accepted\"}"))
            .forEach(l -> out.append(l).append("; "));
      } catch (java.io.IOException e) {
        out.append(e);
      }
    }
    return out + cluster.node(1).diagnosis(40);
  }

  /** Reading {@code k} of twin {@code i}: 20 first, then 150 and 20 in turn, {@link #STEP} apart in source time. */
  private void publish() {
    try {
      publisher.publish(() -> {
        if (stopPublishing.get()) {
          return Optional.empty();
        }
        int n = published.getAndIncrement();
        return Optional.of(new Outgoing(topic(n % TWINS), payload(n % TWINS, n / TWINS), 1));
      }, 100, new Pacer(READINGS_PER_SECOND), Duration.ofMinutes(10));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String topic(int twin) {
    return "sensors/ROLL-" + twin + "/data";
  }

  private byte[] payload(int twin, int step) {
    return ("{\"sensor_id\":\"ROLL-" + twin + "\",\"value\":" + value(step) + ",\"timestamp\":\"" + time(step) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static double value(int step) {
    return step % 2 == 1 ? HIGH : NORMAL;
  }

  private Instant time(int step) {
    return base.plus(STEP.multipliedBy(step));
  }

  private static List<String> twinIds() {
    return IntStream.range(0, TWINS).mapToObj(i -> "default:ROLL-" + i).toList();
  }

  /** Each twin's history holds each of its published readings once. */
  private void verifyEveryReadingOnce(RuntimeCluster cluster) throws Exception {
    int total = published.get();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    for (int twin = 0; twin < TWINS; twin++) {
      int steps = total / TWINS + (twin < total % TWINS ? 1 : 0);
      RuntimeProcess node = cluster.node(twin % cluster.size() + 1);
      int t = twin;
      Eventually.within(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> {
        RuntimeProcess.Answer history = node.get("/api/v1/twins/default:ROLL-" + t + "/history?signal=value&from="
            + time(0) + "&to=" + time(steps) + "&limit=" + (steps * 2));
        assertEquals(200, history.status(), history.text());
        JsonNode points = history.json().get("points");
        assertEquals(steps, points.size(), "ROLL-" + t + " history points");
        for (int k = 0; k < steps; k++) {
          assertEquals(time(k), Instant.parse(points.get(k).get("t").asText()), "ROLL-" + t + " point " + k);
          assertEquals(value(k), points.get(k).get("v").asDouble(), "ROLL-" + t + " value " + k);
        }
      });
    }
  }

  /**
   * The subscriber got exactly the changes the alert log holds, each once: a fresh reader of the whole log (from
   * seq 0, on another node) sees the same sequence numbers.
   */
  private static void verifyEveryChangeOnce(RuntimeCluster cluster, AlertStreamReader subscriber) throws Exception {
    try (AlertStreamReader whole = AlertStreamReader.ofTenant(url(cluster.node(2)), "default", 0)) {
      Eventually.within(Duration.ofSeconds(60), () -> {
        List<Long> logged = whole.changes().stream().map(AlertStreamReader.Received::seq).toList();
        List<Long> received = subscriber.changes().stream().map(AlertStreamReader.Received::seq).toList();
        assertTrue(logged.size() > 100, "alerts were raised and cleared: " + logged.size() + " changes");
        assertEquals(logged, received, "the subscriber on node 1 got every change of the alert log, in order");
      });
      long raised = subscriber.changes().stream()
          .filter(c -> "active".equals(c.alert().get("state").asText())).count();
      System.out.printf("ClusterRollingRestartIT: %d alert changes (%d raised) all reached the subscriber%n",
          subscriber.changes().size(), raised);
    }
  }

  private static String url(RuntimeProcess node) {
    return "http://127.0.0.1:" + node.httpPort();
  }
}
