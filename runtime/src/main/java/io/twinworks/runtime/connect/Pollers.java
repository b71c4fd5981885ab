package io.twinworks.runtime.connect;

import io.twinworks.connectors.poll.ReadingSink;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every poller exactly once in the cluster, as the instances of one {@link ShardedDaemonProcess}: when the
 * node running a poller leaves or dies, another node starts it. Every node must start with the same specs in the
 * same order (the same configuration), since instance {@code i} is spec {@code i}. A reading polled twice around
 * a takeover is harmless: twins drop a second reading of a signal at the same source time.
 */
public final class Pollers {

  static final String NAME = "twinworks-pollers";
  private static final Logger log = LoggerFactory.getLogger(Pollers.class);

  private Pollers() {}

  /** Starts the daemons; nothing when there are no specs. */
  public static void start(ActorSystem<?> system, List<PollerSpec> specs, ReadingSink sink) {
    Set<String> names = new HashSet<>();
    for (PollerSpec spec : specs) {
      if (!names.add(spec.name())) {
        throw new IllegalArgumentException("two pollers are named '" + spec.name() + "'; names must be unique");
      }
    }
    if (specs.isEmpty()) {
      return;
    }
    List<PollerSpec> fixed = List.copyOf(specs);
    ShardedDaemonProcess.get(system).init(Stop.class, NAME, fixed.size(), i -> running(fixed.get(i), sink),
        Stop.INSTANCE);
  }

  /** The daemon's message: sharding sends it to stop an instance (rebalance, shutdown). */
  enum Stop { INSTANCE }

  /** One poller while its actor lives; a poller that fails to start is tried again with backoff. */
  static Behavior<Stop> running(PollerSpec spec, ReadingSink sink) {
    Behavior<Stop> poller = Behaviors.setup(context -> {
      AutoCloseable running = spec.start().apply(sink);
      log.info("poller {} started on this node", spec.name());
      return Behaviors.receive(Stop.class)
          .onMessage(Stop.class, stop -> Behaviors.stopped())
          .onSignal(PostStop.class, signal -> {
            close(spec, running);
            return Behaviors.same();
          })
          .onSignal(PreRestart.class, signal -> {
            close(spec, running);
            return Behaviors.same();
          })
          .build();
    });
    return Behaviors.supervise(poller)
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
  }

  private static void close(PollerSpec spec, AutoCloseable running) {
    try {
      running.close();
      log.info("poller {} stopped on this node", spec.name());
    } catch (Exception e) {
      log.warn("poller {} did not stop cleanly: {}", spec.name(), e.toString());
    }
  }
}
