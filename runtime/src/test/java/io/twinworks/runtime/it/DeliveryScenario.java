package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import io.twinworks.runtime.bench.LoadPublisher;
import io.twinworks.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The delivery promise under a failure: a runtime on Cassandra behind a persistent Mosquitto takes a
 * stream of QoS 1 readings; halfway through something breaks; afterwards every acknowledged reading is
 * in history exactly once (as raw points and in the 1-minute rollups) and every twin's state equals a replay of
 * what was published.
 */
final class DeliveryScenario implements AutoCloseable {

  interface Failure {
    void strike(DeliveryScenario scenario) throws Exception;
  }

  static final int TWINS = 100;
  static final int READINGS_EACH = 1000;
  private static final int WINDOW = 1000;

  private final Path dataDir;
  private final RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
  private final Map<String, String> settings;
  private final MosquittoBroker mosquitto;
  private final LoadPublisher publisher;
  private RuntimeProcess runtime;

  DeliveryScenario(Path dataDir, CassandraNode cassandra, String keyspace) throws Exception {
    this.dataDir = dataDir;
    this.mosquitto = MosquittoBroker.startPersistent();
    this.settings = Map.of(
        "twinworks.mqtt.url", mosquitto.url(),
        "twinworks.store.profile", "cassandra",
        "twinworks.cassandra.contact-points", cassandra.contactPoint(),
        "twinworks.cassandra.keyspace", keyspace,
        "twinworks.cassandra.auto-create-schema", "true");
    this.runtime = RuntimeProcess.start(dataDir, ports, settings);
    this.publisher = new LoadPublisher(mosquitto.url(), TWINS, READINGS_EACH,
        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
  }

  RuntimeProcess runtime() {
    return runtime;
  }

  MosquittoBroker mosquitto() {
    return mosquitto;
  }

  /** {@code kill -9} of the runtime and a start on the same data dir and ports. */
  void killAndRestartRuntime() throws Exception {
    runtime.kill9();
    runtime = RuntimeProcess.start(dataDir, ports, settings);
  }

  /** Publishes everything, striking once a third is acknowledged, and waits for the publisher. */
  void publishWithFailure(Failure failure) throws Exception {
    CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
      try {
        publisher.publishAll(WINDOW, Duration.ofMinutes(8));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Eventually.within(Duration.ofMinutes(3), () -> assertTrue(publisher.acknowledged() >= publisher.total() / 3
        || publishing.isDone(), "a third acknowledged: " + publisher.acknowledged()));
    assertTrue(!publishing.isDone(), "the failure must strike mid-stream");
    failure.strike(this);
    publishing.get();
  }

  /** Every twin has each reading once in history and in its state; the runtime is ready again. */
  void verifyExactlyOnce() throws Exception {
    try {
      Eventually.within(Duration.ofMinutes(3), () -> {
        for (int twin = 0; twin < TWINS; twin++) {
          verifyTwin(twin);
        }
      });
    } catch (AssertionError e) {
      String log = runtime.logText();
      System.out.println("runtime log (last 8000 chars):\n" + log.substring(Math.max(0, log.length() - 8000)));
      System.out.println("metrics:\n" + runtime.get("/metrics").text().lines()
          .filter(l -> l.startsWith("twinworks_")).reduce("", (a, b) -> a + b + "\n"));
      throw e;
    }
    Eventually.within(Duration.ofSeconds(60), () ->
        assertEquals(200, runtime.managementGet("/ready").status(), "ready again by itself"));
  }

  private void verifyTwin(int twin) throws Exception {
    ExactlyOnceCheck.verifyTwin(runtime, publisher, twin, READINGS_EACH);
  }

  @Override
  public void close() {
    if (runtime != null) {
      runtime.close();
    }
    mosquitto.close();
  }
}
