package io.twinworks.runtime.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a bench publishes and where: {@code twins} twins of {@code mix}, at QoS {@code qos} with {@code window}
 * publishes in flight, {@code rate} readings/s (0: unpaced) for {@code length}; state probes at {@code probeRate}
 * a second (0: no probes); how long the receiving side may take to catch up after the load ({@code drainGrace});
 * how long publishing may take at most ({@code timeout}); how long to warm Twinworks up first with the same load
 * ({@code warmup}, 0: not at all; not part of the results); the HTTP URLs of the nodes whose applied readings are
 * summed ({@code metricsUrls}: every node of a cluster, as each counts what its own ingestion applied). With
 * {@code findMax} set, rate and length come from it and {@code rate}/{@code length} are not used (length may be null).
 */
public record BenchSettings(String mqttUrl, String httpUrl, int twins, LoadMix mix, int qos, int window, double rate,
    LoadLength length, double probeRate, Duration drainGrace, Duration timeout, Duration warmup,
    FindMaxSettings findMax, List<String> metricsUrls) {

  /** Applied readings counted by the runtime at {@code httpUrl} alone (one node). */
  public BenchSettings(String mqttUrl, String httpUrl, int twins, LoadMix mix, int qos, int window, double rate,
      LoadLength length, double probeRate, Duration drainGrace, Duration timeout, Duration warmup,
      FindMaxSettings findMax) {
    this(mqttUrl, httpUrl, twins, mix, qos, window, rate, length, probeRate, drainGrace, timeout, warmup, findMax,
        List.of(httpUrl));
  }

  public BenchSettings {
    metricsUrls = List.copyOf(metricsUrls);
    if (metricsUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one node's HTTP URL must count applied readings (--metrics-url)");
    }
    if (twins < 1) {
      throw new IllegalArgumentException("--twins must be positive, was " + twins);
    }
    mix.split(twins); // enough twins for the kinds
    if (qos < 0 || qos > 1) {
      throw new IllegalArgumentException("--qos must be 0 or 1, was " + qos);
    }
    if (window < 1) {
      throw new IllegalArgumentException("--window must be positive, was " + window);
    }
    new Pacer(rate); // a valid rate
    if (length == null && findMax == null) {
      throw new IllegalArgumentException("a run needs a length: --count, --readings-per-twin or --duration");
    }
    if (probeRate < 0 || probeRate > 1_000) {
      throw new IllegalArgumentException("--probe-rate must be 0 (no probes) to 1000 a second, was " + probeRate);
    }
    if (drainGrace.isNegative() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--drain-grace must be at least 0 and --timeout positive");
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("--warmup must be at least 0, was " + warmup);
    }
  }

  LoadMix.Split split() {
    return mix.split(twins);
  }
}
