package io.twinworks.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes when the actor system has terminated or, as Pekko's own {@code exit-jvm} does, once the coordinated
 * shutdown's last phase has waited its timeout (and a little more) for that: an actor stuck in a call that never
 * returns must not keep a stopped node's process alive, least of all a node the cluster downed, which its supervisor
 * must restart.
 */
final class StopSignal {

  private static final Logger log = LoggerFactory.getLogger(StopSignal.class);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private StopSignal() {}

  static CompletionStage<Done> of(ActorSystem<?> system) {
    CompletableFuture<Done> stopped = new CompletableFuture<>();
    system.getWhenTerminated().thenRun(() -> stopped.complete(Done.getInstance()));
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    String phase = CoordinatedShutdown.PhaseActorSystemTerminate();
    Duration wait = Duration.ofMillis(shutdown.timeout(phase).toMillis()).plus(GRACE);
    shutdown.addTask(phase, "stop-signal", () -> {
      CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
        if (stopped.complete(Done.getInstance())) {
          log.warn("stopping: the actor system did not terminate within {} s; stopping the process anyway",
              wait.toSeconds());
        }
      });
      return CompletableFuture.completedFuture(Done.getInstance());
    });
    return stopped;
  }
}
