package io.twinworks.twins;

import io.twinworks.twins.alert.DeliverAlerts;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** Entry point to the twins: registers every kind with sharding and finds a twin by id and kind. */
public final class Twins {

  private Twins() {}

  /** Registers every kind; twins send their alert changes to {@code alertHub}. */
  public static void init(ActorSystem<?> system, TwinSettings settings, ActorRef<DeliverAlerts> alertHub) {
    SensorTwin.init(system, settings, alertHub);
    MachineTwin.init(system, settings, alertHub);
    BatteryPackTwin.init(system, settings, alertHub);
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
