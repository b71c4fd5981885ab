package io.twinworks.twins;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** A single sensor; its summary is empty. */
public final class SensorTwin {

  public static final EntityTypeKey<TwinCommand> ENTITY_KEY =
      EntityTypeKey.create(TwinCommand.class, TwinKind.SENSOR.id());

  private SensorTwin() {}

  public static Behavior<TwinCommand> create(TwinId id, TwinSettings settings) {
    return TwinBehavior.create(ENTITY_KEY, TwinKind.SENSOR, id, TwinSummary.NONE, settings);
  }

  /** Registers this kind with cluster sharding. */
  public static void init(ActorSystem<?> system, TwinSettings settings) {
    TwinBehavior.init(system, ENTITY_KEY, id -> create(id, settings), settings);
  }
}
