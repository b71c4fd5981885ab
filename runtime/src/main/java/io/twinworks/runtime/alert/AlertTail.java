package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.LoggedAlert;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's live view of the alert log: polls {@link AlertLog#since} from the log's last seq at start and
 * broadcasts every change to any number of subscribers. Woken by an append ({@link AppendSignal}), it passes on the
 * changes the append carried when they follow on from the last change it has, and reads the log otherwise. Each
 * subscriber has its own buffer of
 * {@link AlertStreamSettings#subscriberBuffer()} changes; a subscriber that falls further behind has its stream
 * failed (it resumes from the log), so no subscriber slows the tail or the others. A failed read is retried after
 * the poll interval from the same seq. Stops with the actor system.
 */
public final class AlertTail {

  private static final Logger log = LoggerFactory.getLogger(AlertTail.class);
  static final int PAGE = 1000;
  /** The hub's own buffer (a power of two); it never fills, because a sink that ignores all is always attached. */
  private static final int HUB_BUFFER = 256;
  /** The state of the poll before the log's last seq is known. */
  private static final long UNKNOWN = -1;

  private final AlertStreamSettings settings;
  private final Source<LoggedAlert, NotUsed> hub;
  private final UniqueKillSwitch killSwitch;

  private AlertTail(AlertStreamSettings settings, Source<LoggedAlert, NotUsed> hub, UniqueKillSwitch killSwitch) {
    this.settings = settings;
    this.hub = hub;
    this.killSwitch = killSwitch;
  }

  public static AlertTail start(ActorSystem<?> system, AlertLog alerts, AlertStreamSettings settings) {
    return start(system, alerts, settings, new AppendSignal());
  }

  /** As {@link #start(ActorSystem, AlertLog, AlertStreamSettings)}, reading the log at once when {@code appends} fires. */
  public static AlertTail start(ActorSystem<?> system, AlertLog alerts, AlertStreamSettings settings,
      AppendSignal appends) {
    return start(system, alerts, settings, appends, change -> { });
  }

  /** As above, handing each change to {@code read} as the tail reads it (once per change on this node). */
  public static AlertTail start(ActorSystem<?> system, AlertLog alerts, AlertStreamSettings settings,
      AppendSignal appends, Consumer<LoggedAlert> read) {
    Poll poll = new Poll(system, alerts, settings, appends);
    Pair<UniqueKillSwitch, Source<LoggedAlert, NotUsed>> running = Source.unfoldAsync(UNKNOWN, poll::next)
        .mapConcat(changes -> {
          changes.forEach(read);
          return changes;
        })
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(BroadcastHub.of(LoggedAlert.class, HUB_BUFFER), Keep.both())
        .run(system);
    // Without any subscriber a BroadcastHub backpressures; this one keeps the tail current meanwhile.
    running.second().runWith(Sink.ignore(), system);
    AlertTail tail = new AlertTail(settings, running.second(), running.first());
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "alert-tail-stop", () -> {
      tail.stop();
      return CompletableFuture.completedFuture(Done.getInstance());
    });
    return tail;
  }

  /** Changes from now on, with this subscriber's own bounded buffer: it fails with a buffer overflow when full. */
  public Source<LoggedAlert, NotUsed> live() {
    return hub.buffer(settings.subscriberBuffer(), OverflowStrategy.fail());
  }

  public AlertStreamSettings settings() {
    return settings;
  }

  /** Completes every live stream. */
  public void stop() {
    killSwitch.shutdown();
  }

  /** One step of the poll: from the seq it has reached to the next seq and the changes in between. */
  private record Poll(ActorSystem<?> system, AlertLog alerts, AlertStreamSettings settings, AppendSignal appends) {

    CompletionStage<Optional<Pair<Long, List<LoggedAlert>>>> next(long after) {
      CompletableFuture<List<LoggedAlert>> appended = appends.nextAppend();
      CompletionStage<Pair<Long, List<LoggedAlert>>> step = after == UNKNOWN
          ? alerts.lastSeq().thenApply(last -> Pair.create(last, List.of()))
          : alerts.since(after, AlertFilter.all(), PAGE).thenCompose(changes -> changes.isEmpty()
              ? nextPollOrAppend(after, appended)
              : CompletableFuture.completedFuture(Pair.create(changes.get(changes.size() - 1).seq(), changes)));
      return step.exceptionallyCompose(failure -> {
        log.warn("reading the alert log after seq {} failed; retrying: {}", after, failure.toString());
        return later(after);
      }).thenApply(Optional::of);
    }

    /**
     * Whichever comes first: the poll interval, or an append. An append whose changes follow on from {@code after}
     * is passed on as it is, without reading the log; any other (it carried none, or a notice before it was lost)
     * only ends the wait, and the next step reads the log.
     */
    private CompletionStage<Pair<Long, List<LoggedAlert>>> nextPollOrAppend(long after,
        CompletableFuture<List<LoggedAlert>> appended) {
      CompletableFuture<Pair<Long, List<LoggedAlert>>> poll = later(after).toCompletableFuture();
      return poll.applyToEither(appended.thenApply(changes -> followsOn(after, changes)
          ? Pair.create(changes.get(changes.size() - 1).seq(), changes)
          : Pair.create(after, List.<LoggedAlert>of())), step -> step);
    }

    private static boolean followsOn(long after, List<LoggedAlert> changes) {
      return !changes.isEmpty() && changes.get(0).seq() == after + 1;
    }

    private CompletionStage<Pair<Long, List<LoggedAlert>>> later(long after) {
      return Patterns.after(settings.pollInterval(), system.classicSystem().scheduler(), system.executionContext(),
          () -> CompletableFuture.completedFuture(Pair.create(after, List.<LoggedAlert>of())));
    }
  }
}
