package io.twinworks.runtime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code twinworks bench alerts}: an {@link AlertProbe} fired once a second (at QoS 1) while a background load of
 * sensor readings ({@link LoadFleet}, sensors only, QoS 1) is published at {@code rate} readings/s over
 * {@code twins} twins; the alerts that have not arrived 5 s after the last probe are not counted.
 */
public final class AlertLatencyBench {

  private static final Duration STRAGGLERS = Duration.ofSeconds(5);

  /** What to load and for how long. */
  public record Settings(String mqttUrl, String httpUrl, double rate, int twins, int seconds, int window) {
    public Settings {
      if (rate < 0 || twins < 1 || seconds < 1 || window < 1) {
        throw new IllegalArgumentException("--rate must be at least 0, --twins, --seconds and --window positive");
      }
    }
  }

  /** The measurement, also written as JSON; latencies in milliseconds. */
  public record Report(Instant date, Settings settings, long probes, Percentiles latencyMillis,
      ProbeLatency.Stages stages, double backgroundRatePerSecond, long backgroundAcknowledged) {}

  private AlertLatencyBench() {}

  public static Report run(Settings settings, Path json) throws Exception {
    try (ProbePublisher probes = new ProbePublisher(settings.mqttUrl(), 1);
         AlertProbe probe = AlertProbe.start(probes, new TwinworksApi(settings.httpUrl()), settings.httpUrl())) {
      WindowedPublisher load = new WindowedPublisher(settings.mqttUrl(), 1);
      long loadStart = System.nanoTime();
      if (settings.rate() > 0) {
        CompletableFuture.runAsync(() -> background(load, settings));
      }
      long next = System.nanoTime();
      for (int k = 0; k < settings.seconds(); k++) {
        next += 1_000_000_000L;
        WindowedPublisher.pause(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        probe.fire();
        if (k % 10 == 9) {
          System.out.printf(Locale.ROOT, "bench alerts: %d probes, %d alerts, %,d background readings acknowledged%n",
              k + 1, probe.raised(), load.acknowledgedReadings());
        }
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      long acknowledged = load.acknowledgedReadings();
      long waitUntil = System.nanoTime() + STRAGGLERS.toNanos();
      while (!probe.settled() && System.nanoTime() < waitUntil) {
        WindowedPublisher.pause(100);
      }
      ProbeLatency latency = probe.interval();
      Report report = new Report(Instant.now(), settings, latency.sent(), latency.millis(), latency.stages(),
          acknowledged / loadSeconds, acknowledged);
      print(report);
      if (json != null) {
        ReportFile.write(json, report);
        System.out.println("bench alerts: results written to " + json);
      }
      return report;
    }
  }

  /** Sensor readings at the asked rate for as long as the probes run; it ends by itself. */
  private static void background(WindowedPublisher load, Settings settings) {
    LoadFleet fleet = LoadFleet.of(LoadMix.SENSORS_ONLY.split(settings.twins()), "");
    try {
      load.publish(new BoundedLoad(fleet, LoadLength.of(Duration.ofSeconds(settings.seconds()))), settings.window(),
          new Pacer(settings.rate()), Duration.ofSeconds(settings.seconds() + 60L));
    } catch (Exception e) {
      System.err.println("bench alerts: background load stopped: " + e.getMessage());
    }
  }

  private static void print(Report r) {
    Percentiles p = r.latencyMillis();
    System.out.println();
    System.out.printf(Locale.ROOT, "probes %d, alerts measured %d%n", r.probes(), p.count());
    System.out.printf(Locale.ROOT, "publish → SSE latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", p.p50(), p.p95(),
        p.p99(), p.max());
    System.out.println("  of it, " + ReportTable.stages(r.stages()));
    System.out.printf(Locale.ROOT, "background: %,.0f readings/s achieved (%,d acknowledged) of %,.0f asked, %d twins%n",
        r.backgroundRatePerSecond(), r.backgroundAcknowledged(), r.settings().rate(), r.settings().twins());
  }
}
