package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.twins.TwinCommand.ConfirmAlerts;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.Twins;
import io.twinworks.twins.alert.AlertChange;
import io.twinworks.twins.alert.DeliverAlerts;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import java.time.Duration;

/**
 * The one writer of the alert log (a cluster singleton): numbers every alert change twins hand it,
 * appends it, then confirms to the twin so it forgets the change. Appends run one at a time, in
 * order, as the log requires. A twin sends its unconfirmed changes again after every event, so the
 * hub skips numbers it has confirmed, and for a twin it has not confirmed anything to since it started (or
 * whose append failed) skips changes the log already holds (the alert's current state equals the change);
 * a change seen twice is at worst logged twice. After each append it wakes this node's {@link AlertTail}.
 */
public final class AlertHub extends AbstractBehavior<AlertHub.Command> {

  /** What the hub handles. */
  public sealed interface Command {}

  /** Alert changes from a twin. */
  public record Deliver(DeliverAlerts alerts) implements Command {}

  private record Started(long lastSeq, Throwable failure) implements Command {}

  private record Logged(DeliverAlerts alerts, long upTo, long seq, Throwable failure) implements Command {}

  private final AlertLog log;
  private final AppendSignal appends;
  private final ArrayDeque<DeliverAlerts> waiting = new ArrayDeque<>();
  private final Map<TwinId, Long> confirmed = new HashMap<>();
  private long seq = -1;
  private boolean busy;

  private AlertHub(ActorContext<Command> context, AlertLog log, AppendSignal appends) {
    super(context);
    this.log = log;
    this.appends = appends;
    context.pipeToSelf(log.lastSeq(), Started::new);
  }

  /**
   * Starts the hub as a cluster singleton and returns where twins on this node send their alerts:
   * a local forwarder, so the twins' side stays the plain {@link DeliverAlerts} message.
   */
  public static ActorRef<DeliverAlerts> start(ActorSystem<?> system, AlertLog log, AppendSignal appends) {
    ActorRef<Command> hub = ClusterSingleton.get(system).init(SingletonActor.of(
        Behaviors.supervise(Behaviors.<Command>setup(context -> new AlertHub(context, log, appends)))
            .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2)),
        "alert-hub"));
    return system.systemActorOf(Behaviors.<DeliverAlerts>receiveMessage(alerts -> {
      hub.tell(new Deliver(alerts));
      return Behaviors.same();
    }), "alert-hub-forwarder", org.apache.pekko.actor.typed.Props.empty());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(Started.class, this::onStarted)
        .onMessage(Logged.class, this::onLogged)
        .build();
  }

  private Behavior<Command> onStarted(Started started) {
    if (started.failure() != null) {
      throw new IllegalStateException("cannot read the alert log's last sequence number", started.failure());
    }
    seq = started.lastSeq();
    next();
    return this;
  }

  private Behavior<Command> onDeliver(Deliver deliver) {
    waiting.addLast(deliver.alerts());
    next();
    return this;
  }

  private Behavior<Command> onLogged(Logged logged) {
    busy = false;
    if (logged.failure() != null) {
      // The twin keeps the changes and sends them again with its next event or recovery.
      getContext().getLog().warn("alert log append failed for twin {}, it will send again: {}",
          logged.alerts().twinId(), logged.failure().toString());
      // Some of its changes may be in the log already: check each against the log when they come again.
      confirmed.remove(logged.alerts().twinId());
    } else {
      seq = logged.seq();
      appends.appended();
      confirmed.merge(logged.alerts().twinId(), logged.upTo(), Math::max);
      Twins.ref(getContext().getSystem(), logged.alerts().twinId(), logged.alerts().kind())
          .tell(new ConfirmAlerts(logged.upTo()));
    }
    next();
    return this;
  }

  /** Starts appending the next delivery that has anything new; deliveries of nothing new are dropped. */
  private void next() {
    while (!busy && seq >= 0 && !waiting.isEmpty()) {
      DeliverAlerts alerts = waiting.removeFirst();
      Long confirmedUpTo = confirmed.get(alerts.twinId());
      long known = confirmedUpTo == null ? 0L : confirmedUpTo;
      // Only a twin not heard from since this hub started may resend changes an earlier hub logged.
      boolean mayBeLogged = confirmedUpTo == null;
      CompletionStage<Long> appended = CompletableFuture.completedFuture(seq);
      long upTo = known;
      for (AlertChange change : alerts.changes()) {
        if (change.number() > known) {
          appended = appended.thenCompose(last -> mayBeLogged ? appendUnlessLogged(last, change) : append(last, change));
          upTo = change.number();
        }
      }
      if (upTo > known) {
        busy = true;
        long confirmUpTo = upTo;
        getContext().pipeToSelf(appended,
            (last, failure) -> new Logged(alerts, confirmUpTo, last == null ? seq : last, failure));
      }
    }
  }

  private CompletionStage<Long> appendUnlessLogged(long last, AlertChange change) {
    return log.get(change.alert().id()).thenCompose(current -> {
      if (current.isPresent() && current.get().equals(change.alert())) {
        return CompletableFuture.completedFuture(last);
      }
      return append(last, change);
    });
  }

  private CompletionStage<Long> append(long last, AlertChange change) {
    return log.append(last + 1, change.alert()).thenApply(done -> last + 1);
  }
}
