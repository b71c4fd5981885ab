package io.twinworks.persistence;

import com.typesafe.config.Config;
import io.twinworks.persistence.cassandra.CassandraStore;
import io.twinworks.persistence.cassandra.StoreProfile;
import java.util.concurrent.Executor;

/** Opens the store of the configured profile: the same jar serves the embedded and the Cassandra one. */
public final class TwinworksStores {

  private TwinworksStores() {}

  /** Blocking: connects, creates or checks the schema. {@code blocking} runs the embedded store's JDBC. */
  public static TwinworksStore open(Config config, Executor blocking) {
    return open(config, blocking, Upkeep.OWN_TIMER);
  }

  /** As {@link #open(Config, Executor)}, with its periodic upkeep run as {@code upkeep} says. */
  public static TwinworksStore open(Config config, Executor blocking, Upkeep upkeep) {
    return switch (StoreProfile.from(config)) {
      case EMBEDDED -> EmbeddedStore.open(config, blocking);
      case CASSANDRA -> CassandraStore.open(config, upkeep);
    };
  }
}
