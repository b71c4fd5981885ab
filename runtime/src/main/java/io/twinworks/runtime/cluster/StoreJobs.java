package io.twinworks.runtime.cluster;

import io.twinworks.persistence.StoreJob;
import io.twinworks.persistence.TwinworksStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The store's periodic upkeep, run on one node of the cluster at a time (a cluster singleton): the Cassandra
 * telemetry rollups ({@link TwinworksStore#jobs()}) and the alert log's hourly purge of expired changes. Both would be
 * correct run on every node, only N times the work. Each job's first pass comes a minute (or its interval, if
 * shorter) after the singleton starts on a node, so rolling restarts do not starve the hourly purge; then one pass
 * every interval after the previous ended. On hand-over the singleton ends once the passes in flight have.
 */
public final class StoreJobs {

  static final String NAME = "store-jobs";
  static final Duration ALERT_PURGE_INTERVAL = Duration.ofHours(1);
  private static final Duration FIRST_PASS_AFTER = Duration.ofMinutes(1);

  /** What the singleton handles. */
  sealed interface Command {}

  /** The hand-over message: end once the passes in flight have. */
  enum Stop implements Command { INSTANCE }

  private record Due(StoreJob job) implements Command {}

  private record Finished(StoreJob job, Throwable failure) implements Command {}

  private StoreJobs() {}

  /** The jobs of {@code store} plus the alert purge. */
  public static List<StoreJob> of(TwinworksStore store, Clock clock) {
    List<StoreJob> jobs = new ArrayList<>(store.jobs());
    jobs.add(new StoreJob("alert-purge", ALERT_PURGE_INTERVAL,
        () -> store.alerts().purgeExpired(clock.instant()).toCompletableFuture().join()));
    return List.copyOf(jobs);
  }

  /** Starts the singleton's manager on this node; {@code blocking} runs the passes. */
  public static void start(ActorSystem<?> system, List<StoreJob> jobs, Executor blocking) {
    ClusterSingleton.get(system).init(SingletonActor.of(Behaviors.supervise(create(jobs, blocking))
            .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2)),
        NAME).withStopMessage(Stop.INSTANCE));
  }

  static Behavior<Command> create(List<StoreJob> jobs, Executor blocking) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      for (StoreJob job : jobs) {
        Duration first = job.interval().compareTo(FIRST_PASS_AFTER) < 0 ? job.interval() : FIRST_PASS_AFTER;
        timers.startSingleTimer(job.name(), new Due(job), first);
      }
      context.getLog().info("store jobs run on this node: {}", jobs.stream().map(StoreJob::name).toList());
      return new Running(context, timers, blocking).behavior(false);
    }));
  }

  /** The singleton while it runs: the passes in flight, by job name (at most one per job). */
  private static final class Running {

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Executor blocking;
    private final Set<String> inFlight = new HashSet<>();

    Running(ActorContext<Command> context, TimerScheduler<Command> timers, Executor blocking) {
      this.context = context;
      this.timers = timers;
      this.blocking = blocking;
    }

    Behavior<Command> behavior(boolean stopping) {
      if (stopping && inFlight.isEmpty()) {
        return Behaviors.stopped();
      }
      return Behaviors.receive(Command.class)
          .onMessage(Due.class, due -> stopping ? Behaviors.same() : pass(due.job()))
          .onMessage(Finished.class, finished -> finished(finished, stopping))
          .onMessage(Stop.class, stop -> {
            timers.cancelAll();
            return behavior(true);
          })
          .build();
    }

    private Behavior<Command> pass(StoreJob job) {
      inFlight.add(job.name());
      context.pipeToSelf(CompletableFuture.runAsync(job.pass(), blocking), (done, failure) -> new Finished(job, failure));
      return Behaviors.same();
    }

    private Behavior<Command> finished(Finished finished, boolean stopping) {
      StoreJob job = finished.job();
      inFlight.remove(job.name());
      if (finished.failure() != null) {
        context.getLog().warn("store job {} failed, next pass in {}: {}", job.name(), job.interval(),
            finished.failure().toString());
      }
      if (stopping) {
        return behavior(true);
      }
      timers.startSingleTimer(job.name(), new Due(job), job.interval());
      return Behaviors.same();
    }
  }
}
