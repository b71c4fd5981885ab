package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.runtime.alert.AlertBatch.Candidate;
import io.twinworks.runtime.alert.AlertBatch.Confirmation;
import io.twinworks.twins.CborSerializable;
import io.twinworks.twins.TwinCommand.ConfirmAlerts;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.Twins;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.DeliverAlerts;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The one writer of the alert log (a cluster singleton): numbers every alert change twins hand it, appends it,
 * then confirms to the twin so it forgets the change. One append runs at a time, as the log requires; deliveries
 * that come meanwhile queue, and the next append takes all of them (up to {@code twinworks.alerts.hub.batch-size}
 * new changes) as one {@link AlertLog#appendAll}, so a storm of changes costs a few appends and a change right after
 * it waits for one batch, not for every change before it. Sequence numbers follow the order deliveries came in,
 * without gaps. After an append it confirms to every twin in it and tells its {@link AppendListener} once, with the
 * changes appended (in the runtime an {@link AppendBroadcast}, which hands them to the {@link AlertTail} of every
 * node).
 *
 * <p>A twin sends its unconfirmed changes again after every event, so the hub skips numbers it has confirmed or
 * already has in the batch; for a twin it has not confirmed anything to since it started (or forgot, see
 * {@link RecentlyConfirmed}), or whose append failed, it skips changes the log already holds (the alert's current
 * state equals the change); a change seen twice is at worst logged twice. When an append fails, no twin in it is
 * confirmed: each sends its changes again, and the hub reads the log's last sequence number again and numbers on
 * from there (the failed append may have reached the log); when it cannot read it, it restarts.
 *
 * <p>When the singleton moves to another node (this node leaves), the hub finishes the append in flight before it
 * stops: the next hub starts from the log's last sequence number, and an append still landing behind its back would
 * number changes it numbers too (and hold the log's mark above them, hiding them from readers).
 */
public final class AlertHub extends AbstractBehavior<AlertHub.Command> {

  /** What the hub handles. */
  public sealed interface Command {}

  /** Alert changes from a twin, forwarded from the twin's node to the hub's node (hence serializable). */
  public record Deliver(DeliverAlerts alerts) implements Command, CborSerializable {}

  /** Tells a twin its changes up to a number are logged. */
  @FunctionalInterface
  interface Confirmations {
    void confirm(TwinId twin, TwinKind kind, long upTo);
  }

  /** The singleton's stop message: the hub moves to another node. */
  enum HandOver implements Command { INSTANCE }

  private record Started(long lastSeq, Throwable failure) implements Command {}

  /** An append's outcome: the changes it logged (none when every change was logged already) or its failure. */
  private record Logged(AlertBatch batch, List<LoggedAlert> changes, Throwable failure) implements Command {}

  private final AlertLog log;
  private final AppendListener appends;
  private final Confirmations confirmations;
  private final int batchSize;
  private final ArrayDeque<DeliverAlerts> waiting = new ArrayDeque<>();
  private final RecentlyConfirmed confirmed;
  private long seq = -1;
  private boolean busy;
  private boolean handingOver;
  private boolean announced;

  private AlertHub(ActorContext<Command> context, AlertLog log, AppendListener appends, Confirmations confirmations,
      AlertHubSettings settings) {
    super(context);
    this.log = log;
    this.appends = appends;
    this.confirmations = confirmations;
    this.batchSize = settings.batchSize();
    this.confirmed = new RecentlyConfirmed(settings.confirmedTwins());
    context.pipeToSelf(log.lastSeq(), Started::new);
  }

  /**
   * Starts the hub as a cluster singleton and returns where twins on this node send their alerts:
   * a local forwarder, so the twins' side stays the plain {@link DeliverAlerts} message.
   */
  public static ActorRef<DeliverAlerts> start(ActorSystem<?> system, AlertLog log, AppendListener appends,
      AlertHubSettings settings) {
    Confirmations toTwins = (twin, kind, upTo) -> Twins.ref(system, twin, kind).tell(new ConfirmAlerts(upTo));
    ActorRef<Command> hub = ClusterSingleton.get(system).init(SingletonActor.of(
        Behaviors.supervise(create(log, appends, toTwins, settings))
            .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2)),
        "alert-hub").withStopMessage(HandOver.INSTANCE));
    return system.systemActorOf(Behaviors.<DeliverAlerts>receiveMessage(alerts -> {
      hub.tell(new Deliver(alerts));
      return Behaviors.same();
    }), "alert-hub-forwarder", Props.empty());
  }

  /** The hub's behavior, confirming through {@code confirmations}. */
  static Behavior<Command> create(AlertLog log, AppendListener appends, Confirmations confirmations,
      AlertHubSettings settings) {
    return Behaviors.setup(context -> new AlertHub(context, log, appends, confirmations, settings));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(Started.class, this::onStarted)
        .onMessage(Logged.class, this::onLogged)
        .onMessageEquals(HandOver.INSTANCE, this::onHandOver)
        .build();
  }

  private Behavior<Command> onHandOver() {
    getContext().getLog().info("alert hub handing over to the next node ({} waiting, an append in flight: {})",
        waiting.size(), busy);
    if (!busy) {
      return Behaviors.stopped();
    }
    handingOver = true; // stops once the append in flight is logged; the twins send what waits here to the next hub
    return this;
  }

  private Behavior<Command> onStarted(Started started) {
    if (started.failure() != null) {
      // Restarted with backoff by its supervisor; the twins send their unconfirmed changes again.
      throw new IllegalStateException("cannot read the alert log's last sequence number", started.failure());
    }
    if (!announced) {
      announced = true;
      getContext().getLog().info("alert hub running on this node; the alert log is at {}", started.lastSeq());
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
    Map<TwinId, Confirmation> twins = logged.batch().twins();
    if (logged.failure() != null) {
      // The twins keep their changes and send them again with their next event or recovery. Some of the changes
      // may be in the log already: check each against the log when they come again.
      getContext().getLog().warn("alert log append of {} changes from {} twins failed, they will send again: {}",
          logged.batch().changes().size(), twins.size(), logged.failure().toString());
      twins.keySet().forEach(confirmed::forget);
      // The append may have reached the log all the same (a commit whose answer was lost): number on from the
      // log's last seq, never over changes it holds.
      seq = -1;
      getContext().pipeToSelf(log.lastSeq(), Started::new);
    } else {
      if (!logged.changes().isEmpty()) {
        seq = logged.changes().get(logged.changes().size() - 1).seq();
        appends.appended(seq, logged.changes());
      }
      twins.forEach((twin, confirmation) -> {
        confirmed.confirmed(twin, confirmation.upTo());
        confirmations.confirm(twin, confirmation.kind(), confirmation.upTo());
      });
    }
    if (handingOver) {
      return Behaviors.stopped();
    }
    next();
    return this;
  }

  /** Starts appending the queued deliveries that have anything new; deliveries of nothing new are dropped. */
  private void next() {
    while (!busy && seq >= 0 && !waiting.isEmpty()) {
      AlertBatch batch = AlertBatch.take(waiting, confirmed, batchSize);
      if (!batch.isEmpty()) {
        busy = true;
        long first = seq + 1;
        getContext().pipeToSelf(notLogged(batch.changes()).thenCompose(alerts -> append(first, alerts)),
            (changes, failure) -> new Logged(batch, changes == null ? List.of() : changes, failure));
      }
    }
  }

  /** Appends from {@code first} on; completes with the changes appended. */
  private CompletionStage<List<LoggedAlert>> append(long first, List<Alert> alerts) {
    if (alerts.isEmpty()) {
      // Every change was logged already: confirm only.
      return CompletableFuture.completedFuture(List.of());
    }
    List<LoggedAlert> changes = LoggedAlert.numbered(first, alerts);
    return log.appendAll(first, alerts).thenApply(done -> changes);
  }

  /**
   * The candidates' alerts but those the log already holds, decided in order as if appended one at a time: a
   * change that may have been logged is skipped when its alert's state, as the log has it after the changes before
   * it here, equals it. So after a change appended again, the later changes of the same alert are appended too.
   */
  private CompletionStage<List<Alert>> notLogged(List<Candidate> candidates) {
    Map<String, CompletableFuture<Optional<Alert>>> logged = new HashMap<>();
    for (Candidate candidate : candidates) {
      if (candidate.mayBeLogged()) {
        logged.computeIfAbsent(candidate.alert().id(), id -> log.get(id).toCompletableFuture());
      }
    }
    return CompletableFuture.allOf(logged.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
      Map<String, Optional<Alert>> current = new HashMap<>();
      logged.forEach((id, state) -> current.put(id, state.join()));
      List<Alert> alerts = new ArrayList<>(candidates.size());
      for (Candidate candidate : candidates) {
        Alert alert = candidate.alert();
        if (!candidate.mayBeLogged() || !current.get(alert.id()).filter(alert::equals).isPresent()) {
          alerts.add(alert);
          current.put(alert.id(), Optional.of(alert));
        }
      }
      return alerts;
    });
  }
}
