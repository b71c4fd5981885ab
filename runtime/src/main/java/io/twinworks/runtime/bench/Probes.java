package io.twinworks.runtime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latency probes of the Twinworks runs, on a connection of their own at the load's QoS: a {@link StateProbe}
 * at {@code rate} probes a second over {@link #STATE_TWINS} twins and an {@link AlertProbe} once a second, fired
 * only while a run publishes its load. {@link #off()} has none.
 */
final class Probes implements AutoCloseable {

  static final int STATE_TWINS = 4;
  static final Duration POLL = Duration.ofMillis(5);
  private static final Logger log = LoggerFactory.getLogger(Probes.class);

  /** One run's latencies; null for a kind of probe that did not run. */
  record Latencies(ProbeLatency state, ProbeLatency alert) {}

  private final ProbePublisher publisher;
  private final StateProbe state;
  private final AlertProbe alert;
  private final double rate;
  private final ScheduledExecutorService timer;
  private final List<ScheduledFuture<?>> firing = new ArrayList<>();

  private Probes(ProbePublisher publisher, StateProbe state, AlertProbe alert, double rate) {
    this.publisher = publisher;
    this.state = state;
    this.alert = alert;
    this.rate = rate;
    this.timer = publisher == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "bench-probes");
      thread.setDaemon(true);
      return thread;
    });
  }

  static Probes off() {
    return new Probes(null, null, null, 0);
  }

  /** Connects, creates the probe twins and configures the alert probe's; {@code rate} 0 is {@link #off()}. */
  static Probes start(String mqttUrl, String httpUrl, int qos, double rate) throws MqttException {
    if (rate == 0) {
      return off();
    }
    ProbePublisher publisher = new ProbePublisher(mqttUrl, qos);
    TwinworksApi api = new TwinworksApi(httpUrl);
    StateProbe state = null;
    try {
      state = StateProbe.start(publisher, api, STATE_TWINS, POLL);
      return new Probes(publisher, state, AlertProbe.start(publisher, api, httpUrl), rate);
    } catch (RuntimeException e) {
      if (state != null) {
        state.close();
      }
      publisher.close();
      throw e;
    }
  }

  /** Starts firing. */
  synchronized void begin() {
    if (timer == null) {
      return;
    }
    long period = Math.max(1, Math.round(1e9 / rate));
    firing.add(timer.scheduleAtFixedRate(() -> fire(state::fire), 0, period, TimeUnit.NANOSECONDS));
    firing.add(timer.scheduleAtFixedRate(() -> fire(alert::fire), 500, 1_000, TimeUnit.MILLISECONDS));
  }

  /** Stops firing, after a probe being fired right now; probes in flight may still be seen. */
  synchronized void end() {
    firing.forEach(f -> f.cancel(false));
    firing.clear();
    if (timer != null) {
      try {
        timer.submit(() -> { }).get(); // the one timer thread is past any probe it was firing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Readings the probes published so far (each state probe one, each alert probe two). */
  long readingsSent() {
    return publisher == null ? 0 : publisher.sent();
  }

  long readingsAcknowledged() {
    return publisher == null ? 0 : publisher.acknowledged();
  }

  /** Whether every probe fired since the last {@link #interval()} was seen. */
  boolean settled() {
    return state == null || state.settled() && alert.settled();
  }

  /** The latencies since the last call. */
  Latencies interval() {
    return state == null ? new Latencies(null, null) : new Latencies(state.interval(), alert.interval());
  }

  /** What a state latency can be off by, e.g. {@code polled every 5 ms, one GET took 1.8 ms on average}. */
  String resolution() {
    return state == null ? "no probes"
        : String.format(Locale.ROOT, "state polled every %d ms, one GET took %.1f ms on average", POLL.toMillis(),
            state.meanGetMillis());
  }

  private static void fire(Runnable probe) {
    try {
      probe.run();
    } catch (RuntimeException e) {
      // a task that throws is never run again
      log.warn("probe failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
      state.close();
      alert.close();
      publisher.close();
    }
  }
}
