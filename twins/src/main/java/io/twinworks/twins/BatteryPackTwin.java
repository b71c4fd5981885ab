package io.twinworks.twins;

import io.twinworks.twins.battery.BatterySummary;
import io.twinworks.twins.alert.DeliverAlerts;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * A battery pack of cells; its summary has cell voltage, temperature and state-of-charge figures (see
 * {@link BatterySummary}).
 */
public final class BatteryPackTwin {

  public static final EntityTypeKey<TwinCommand> ENTITY_KEY =
      EntityTypeKey.create(TwinCommand.class, TwinKind.BATTERY_PACK.id());

  private BatteryPackTwin() {}

  public static Behavior<TwinCommand> create(TwinId id, TwinSettings settings, ActorRef<DeliverAlerts> alertHub) {
    return TwinBehavior.create(ENTITY_KEY, TwinKind.BATTERY_PACK, id, BatterySummary::of, settings, alertHub);
  }

  /** Registers this kind with cluster sharding. */
  public static void init(ActorSystem<?> system, TwinSettings settings, ActorRef<DeliverAlerts> alertHub) {
    TwinBehavior.init(system, ENTITY_KEY, id -> create(id, settings, alertHub), settings);
  }
}
