package io.twinworks.benchmarks;

import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.anomaly.Detector;
import io.twinworks.twins.anomaly.DetectorSpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One reading into a detector whose windows are full, per type, with reference.conf's detector-defaults (plus
 * the limits threshold and rate-of-change have no default for).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DetectorBenchmark {

  /** Readings fed before measuring: more than the largest window (4032), and over 20 days for seasonal. */
  static final int WARM_READINGS = 6_000;

  private static final Map<String, Map<String, Object>> SPECS = Map.of(
      "threshold", Map.of("type", "threshold", "low", 20.0, "high", 80.0),
      "zscore", Map.of("type", "zscore"),
      "iqr", Map.of("type", "iqr"),
      "hampel", Map.of("type", "hampel"),
      "rate-of-change", Map.of("type", "rate-of-change", "max-rate", 0.1),
      "flatline", Map.of("type", "flatline"),
      "seasonal", Map.of("type", "seasonal"));

  @Param({"threshold", "zscore", "iqr", "hampel", "rate-of-change", "flatline", "seasonal"})
  public String type;

  private Detector detector;
  private SignalSeries series;

  @Setup
  public void fillWindows() {
    detector = DetectorSpec.fromMap(SPECS.get(type)).newDetector("temperature");
    series = new SignalSeries(42);
    for (int i = 0; i < WARM_READINGS; i++) {
      series.advance();
      detector.update(series.micros(), series.value());
    }
  }

  @Benchmark
  public Optional<Finding> update() {
    series.advance();
    return detector.update(series.micros(), series.value());
  }
}
