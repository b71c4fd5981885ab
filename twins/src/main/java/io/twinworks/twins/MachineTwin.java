package io.twinworks.twins;

import io.twinworks.twins.alert.DeliverAlerts;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** A machine; its summary says whether it is running (see {@link MachineSummary}). */
public final class MachineTwin {

  public static final EntityTypeKey<TwinCommand> ENTITY_KEY =
      EntityTypeKey.create(TwinCommand.class, TwinKind.MACHINE.id());

  private MachineTwin() {}

  public static Behavior<TwinCommand> create(TwinId id, TwinSettings settings, ActorRef<DeliverAlerts> alertHub) {
    return TwinBehavior.create(ENTITY_KEY, TwinKind.MACHINE, id, MachineSummary::of, settings, alertHub);
  }

  /** Registers this kind with cluster sharding. */
  public static void init(ActorSystem<?> system, TwinSettings settings, ActorRef<DeliverAlerts> alertHub) {
    TwinBehavior.init(system, ENTITY_KEY, id -> create(id, settings, alertHub), settings);
  }
}
