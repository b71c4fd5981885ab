package io.twinworks.runtime.alert.delivery;

import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.DeliveryCursors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * Runs the {@link AlertDeliveries} on one node of the cluster at a time, as a cluster singleton: each channel reads
 * from one durable cursor, and two nodes running it would deliver every change twice. When the node leaves, the
 * singleton is told to {@link Stop}: it stops the channels (the delivery in flight may end and save its cursor,
 * {@code twinworks.alerts.delivery.stop-timeout}) and only then ends, so the next node starts from the saved cursors
 * without overlap. When the node dies, the next node starts once the dead one is downed; the change in flight is
 * then delivered again (at least once, as after a crash).
 */
public final class DeliverySingleton {

  static final String NAME = "alert-deliveries";

  /** What the singleton handles. */
  sealed interface Command {}

  /** The hand-over message: stop the channels, then end. */
  enum Stop implements Command { INSTANCE }

  private enum Stopped implements Command { INSTANCE }

  private final AtomicReference<List<AlertDelivery>> here = new AtomicReference<>(List.of());

  private DeliverySingleton() {}

  /**
   * Starts the singleton (its manager on this node; the channels on the oldest node). Every node must start it with
   * the same plan.
   */
  public static DeliverySingleton start(ActorSystem<?> system, DeliveryPlan plan, AlertLog alertLog,
      DeliveryCursors cursors, MqttSettings ingestConnection) {
    DeliverySingleton singleton = new DeliverySingleton();
    Behavior<Command> running = Behaviors.setup(context -> singleton.running(context,
        AlertDeliveries.start(system, plan, alertLog, cursors, ingestConnection)));
    ClusterSingleton.get(system).init(SingletonActor.of(Behaviors.supervise(running)
            .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2)),
        NAME).withStopMessage(Stop.INSTANCE));
    return singleton;
  }

  /** The channels running on this node: every channel on the node hosting the singleton, none elsewhere. */
  public List<AlertDelivery> channelsHere() {
    return here.get();
  }

  private Behavior<Command> running(ActorContext<Command> context, AlertDeliveries deliveries) {
    here.set(deliveries.channels());
    context.getLog().info("alert delivery runs on this node ({} channels)", deliveries.channels().size());
    return Behaviors.receive(Command.class)
        .onMessage(Stop.class, stop -> {
          context.getLog().info("alert delivery hands over: stopping its channels on this node");
          context.pipeToSelf(deliveries.stop(), (done, failure) -> Stopped.INSTANCE);
          return Behaviors.same();
        })
        .onMessage(Stopped.class, stopped -> Behaviors.stopped())
        .onSignal(PostStop.class, signal -> stopped(deliveries))
        .onSignal(PreRestart.class, signal -> stopped(deliveries))
        .build();
  }

  private Behavior<Command> stopped(AlertDeliveries deliveries) {
    here.set(List.of());
    deliveries.stop(); // idempotent: after the hand-over's stop this does nothing
    return Behaviors.same();
  }
}
