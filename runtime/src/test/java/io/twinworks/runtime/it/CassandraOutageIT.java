package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.twinworks.persistence.cassandra.launcher.CassandraLauncher;
import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import io.twinworks.persistence.cassandra.launcher.LaunchSettings;
import io.twinworks.testsupport.CassandraFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cassandra stops for 20 s in the middle of a 100,000-reading stream and comes back on the same port:
 * the runtime turns unready, is ready again within a minute of Cassandra's return by itself, and loses and
 * duplicates nothing.
 */
class CassandraOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(20);
  /**
   * The driver retries a lost node at most every 5 s and the journal's and snapshot store's circuit breakers test
   * Cassandra again every 5 s (twinworks-cassandra-store.conf); with Pekko's and the driver's defaults this took
   * up to two minutes.
   */
  private static final Duration BACK_TO_READY = Duration.ofSeconds(60);

  @TempDir
  Path dataDir;

  @Test
  void cassandraStoppedFor20SecondsMidStream() throws Exception {
    try (CassandraNode cassandra = CassandraFixture.start();
        DeliveryScenario scenario = new DeliveryScenario(dataDir, cassandra, "delivery_outage")) {
      scenario.publishWithFailure(s -> {
        CassandraLauncher.stop(cassandra.dir());
        long back = System.nanoTime() + OUTAGE.toNanos();
        Eventually.within(OUTAGE, () -> assertNotEquals(200, s.runtime().managementGet("/ready").status(),
            "unready while Cassandra is down"));
        RuntimeProcess.pause(Math.max(0, (back - System.nanoTime()) / 1_000_000));
        CassandraLauncher.start(LaunchSettings.of(cassandra.dir(), cassandra.cqlPort()));
        long up = System.nanoTime();
        Eventually.within(BACK_TO_READY, () -> assertEquals(200, s.runtime().managementGet("/ready").status(),
            "ready again within " + BACK_TO_READY + " of Cassandra answering"));
        System.out.printf("CassandraOutageIT: ready again %.1f s after Cassandra answered%n",
            (System.nanoTime() - up) / 1e9);
      });
      scenario.verifyExactlyOnce();
    }
  }
}
