package io.twinworks.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The Cassandra store profile as the runtime loads it, pointed at a test node. */
final class CassandraTestConfig {

  private CassandraTestConfig() {}

  /** Schema auto-created, rollup timer off unless {@code overrides} say otherwise. */
  static Config config(CassandraNode node, String keyspace, String overrides) {
    Config app = ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseString("twinworks.cassandra { contact-points = [\"" + node.contactPoint()
            + "\"], keyspace = " + keyspace + ", auto-create-schema = true, rollup-interval = 0 }"))
        .withFallback(ConfigFactory.parseResources("twinworks-cassandra-store.conf"));
    return ConfigFactory.load(app);
  }

  static Config config(CassandraNode node, String keyspace) {
    return config(node, keyspace, "");
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
