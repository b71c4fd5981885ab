package io.twinworks.runtime.alert.delivery;

import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.DeliveryCursors;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * One delivery channel reading the alert log from its own durable cursor: a stream of {@link DeliveryRun}s under
 * {@link RestartSource#onFailuresWithBackoff}, so a failed delivery (or an unreadable log) is retried from the saved
 * cursor after a backoff, without limit, and never advances past a change it has not done with. It only reads the
 * log: a slow or dead channel delays neither ingestion nor the other channels.
 */
public final class AlertDelivery {

  private final String name;
  private final DeliveryMetrics metrics;
  // The shared switch ends a run between two deliveries; the unique one, outside the restarts, ends the stream while
  // it waits for a backoff or for a delivery that does not end.
  private final SharedKillSwitch stopping;
  private final UniqueKillSwitch abort;
  private final CompletableFuture<Done> started;
  private final CompletionStage<Done> done;
  private final Duration stopTimeout;

  private AlertDelivery(String name, DeliveryMetrics metrics, SharedKillSwitch stopping, UniqueKillSwitch abort,
      CompletableFuture<Done> started, CompletionStage<Done> done, Duration stopTimeout) {
    this.name = name;
    this.metrics = metrics;
    this.stopping = stopping;
    this.abort = abort;
    this.started = started;
    this.done = done;
    this.stopTimeout = stopTimeout;
  }

  static AlertDelivery start(ClassicActorSystemProvider system, DeliveryChannel channel, AlertLog alertLog,
      DeliveryCursors cursors, DeliverySettings settings) {
    DeliveryMetrics metrics = new DeliveryMetrics();
    SharedKillSwitch stopping = KillSwitches.shared("alert-delivery-" + channel.name());
    CompletableFuture<Done> started = new CompletableFuture<>();
    Pair<UniqueKillSwitch, CompletionStage<Done>> running = RestartSource
        .onFailuresWithBackoff(settings.restartSettings(),
            () -> new DeliveryRun(channel, alertLog, cursors, settings, metrics, started).source(stopping))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.both())
        .run(system);
    return new AlertDelivery(channel.name(), metrics, stopping, running.first(), started, running.second(),
        settings.stopTimeout());
  }

  /** The cursor name: {@code mqtt} or {@code webhook:<endpoint name>}. */
  public String name() {
    return name;
  }

  public DeliveryMetrics metrics() {
    return metrics;
  }

  /**
   * Completes once the channel has its cursor (loaded, or for a new channel set to the log's last seq): every change
   * appended from then on will be delivered.
   */
  public CompletionStage<Done> started() {
    return started.minimalCompletionStage();
  }

  /**
   * Stops reading; the delivery in flight may end and save its cursor for up to {@code stop-timeout}, after which it
   * is abandoned (it is delivered again after the next start: at least once). Completes when the stream has ended.
   */
  public CompletionStage<Done> stop() {
    stopping.shutdown();
    return done.toCompletableFuture().copy()
        .orTimeout(stopTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .exceptionallyCompose(slow -> {
          abort.shutdown();
          return done;
        })
        .exceptionally(failure -> Done.getInstance());
  }

  /** Completes when the stream has ended, after {@link #stop()}. */
  public CompletionStage<Done> whenDone() {
    return done;
  }
}
