package io.twinworks.runtime.it;

import io.twinworks.testsupport.CassandraFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 QoS 1 readings over 100 twins into a runtime on real Cassandra behind a real, persistent
 * Mosquitto; mid-stream the runtime is killed, or Mosquitto restarts. Nothing acknowledged is lost and
 * nothing is counted twice.
 */
class DeliveryUnderFailuresIT {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();

  @TempDir
  Path dataDir;

  @Test
  void runtimeKilledMidStream() throws Exception {
    try (DeliveryScenario scenario = new DeliveryScenario(dataDir, CASSANDRA.node(), "delivery_kill")) {
      scenario.publishWithFailure(DeliveryScenario::killAndRestartRuntime);
      scenario.verifyExactlyOnce();
    }
  }

  @Test
  void mosquittoRestartedMidStream() throws Exception {
    try (DeliveryScenario scenario = new DeliveryScenario(dataDir, CASSANDRA.node(), "delivery_broker")) {
      scenario.publishWithFailure(s -> s.mosquitto().restart());
      scenario.verifyExactlyOnce();
    }
  }
}
