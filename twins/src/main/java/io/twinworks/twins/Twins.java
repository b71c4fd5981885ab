package io.twinworks.twins;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** Entry point to the twins: registers every kind with sharding and finds a twin by id and kind. */
public final class Twins {

  private Twins() {}

  public static void init(ActorSystem<?> system, TwinSettings settings) {
    SensorTwin.init(system, settings);
    MachineTwin.init(system, settings);
    BatteryPackTwin.init(system, settings);
  }

  public static EntityTypeKey<TwinCommand> entityKey(TwinKind kind) {
    return switch (kind) {
      case SENSOR -> SensorTwin.ENTITY_KEY;
      case MACHINE -> MachineTwin.ENTITY_KEY;
      case BATTERY_PACK -> BatteryPackTwin.ENTITY_KEY;
    };
  }

  /** A reference to the twin; sharding starts it on first message. Requires {@link #init} first. */
  public static EntityRef<TwinCommand> ref(ActorSystem<?> system, TwinId id, TwinKind kind) {
    return ClusterSharding.get(system).entityRefFor(entityKey(kind), id.value());
  }
}
