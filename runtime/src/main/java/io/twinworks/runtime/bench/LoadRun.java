package io.twinworks.runtime.bench;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One measured run: publishes a fleet's load with the settings' QoS, window and pace while the probes fire, a
 * progress line every second, then waits up to the drain grace until the receiving side has counted every reading
 * published (and every probe was seen). The counters are sampled every 100 ms.
 */
final class LoadRun {

  private static final long SAMPLE_MILLIS = 100;

  /** What the receiving side has counted so far. */
  @FunctionalInterface
  interface Counter {
    IngestCounters now();
  }

  /** A run's name, load, length and offered rate (readings/s, 0: unpaced). */
  record Plan(String name, LoadFleet fleet, LoadLength length, double rate) {}

  private final Plan plan;
  private final BenchSettings settings;
  private final Counter counter;
  private final Probes probes;
  private final Progress progress;
  private final WindowedPublisher publisher;
  private final SustainedRate rate = new SustainedRate();
  private final long probeReadingsBefore;
  private final long probeAcksBefore;
  private final IngestCounters baseline;
  private long start;
  private IngestCounters counted = IngestCounters.NONE;
  private long lastLineNanos;
  private long lastLineApplied;
  private boolean draining;

  private LoadRun(Plan plan, BenchSettings settings, Counter counter, Probes probes, Progress progress) {
    this.plan = plan;
    this.settings = settings;
    this.counter = counter;
    this.probes = probes;
    this.progress = progress;
    this.publisher = new WindowedPublisher(settings.mqttUrl(), settings.qos());
    this.probeReadingsBefore = probes.readingsSent();
    this.probeAcksBefore = probes.readingsAcknowledged();
    this.baseline = counter.now();
  }

  static RunResult run(Plan plan, BenchSettings settings, Counter counter, Probes probes, Progress progress) {
    return new LoadRun(plan, settings, counter, probes, progress).measure();
  }

  private RunResult measure() {
    start = System.nanoTime();
    lastLineNanos = start;
    CompletableFuture<Void> publishing;
    probes.begin();
    try {
      publishing = CompletableFuture.runAsync(this::publish);
      while (!publishing.isDone()) {
        tick();
      }
    } finally {
      probes.end();
    }
    try {
      publishing.join();
    } catch (CompletionException e) {
      throw new IllegalStateException(plan.name() + ": publishing failed: " + e.getCause().getMessage(), e.getCause());
    }
    long loadNanos = System.nanoTime() - start;
    long published = published();
    draining = true;
    long drainDeadline = System.nanoTime() + settings.drainGrace().toNanos();
    while ((counted.applied() < published || !probes.settled()) && System.nanoTime() < drainDeadline) {
      tick();
    }
    Probes.Latencies latencies = probes.interval();
    Long acknowledged = settings.qos() == 0 ? null : acknowledged();
    return new RunResult(plan.name(), plan.rate(), published, acknowledged, counted.applied(),
        Math.max(0, published - counted.applied()), counted.duplicates(), counted.late(), loadNanos / 1e9,
        rate.perSecond(loadNanos), latencies.state(), latencies.alert());
  }

  private void publish() {
    try {
      publisher.publish(new BoundedLoad(plan.fleet(), plan.length()), settings.window(), new Pacer(plan.rate()),
          settings.timeout());
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** Waits a sample interval, samples the counter, and prints a progress line once a second. */
  private void tick() {
    WindowedPublisher.pause(SAMPLE_MILLIS);
    long now = System.nanoTime();
    counted = counter.now().minus(baseline);
    rate.sample(now - start, counted.applied());
    if (now - lastLineNanos >= 1_000_000_000L) {
      double current = (counted.applied() - lastLineApplied) / ((now - lastLineNanos) / 1e9);
      progress.line(String.format(Locale.ROOT, "%s %4d s: %,d published%s, %,d applied, %,.0f/s now%s", plan.name(),
          (now - start) / 1_000_000_000L, published(),
          settings.qos() == 0 ? "" : String.format(Locale.ROOT, ", %,d acked", acknowledged()),
          counted.applied(), current, draining ? " (load done, draining)" : ""));
      lastLineNanos = now;
      lastLineApplied = counted.applied();
    }
  }

  private long published() {
    return publisher.publishedReadings() + probes.readingsSent() - probeReadingsBefore;
  }

  private long acknowledged() {
    return publisher.acknowledgedReadings() + probes.readingsAcknowledged() - probeAcksBefore;
  }
}
