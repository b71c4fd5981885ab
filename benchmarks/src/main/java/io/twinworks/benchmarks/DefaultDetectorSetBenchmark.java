package io.twinworks.benchmarks;

import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.anomaly.DetectorRules;
import io.twinworks.twins.anomaly.SignalDetectors;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One reading into the detectors every sensor signal gets by default (reference.conf's rules: iqr and zscore
 * over 4032 readings, seasonal, flatline), with full windows: what a twin's analytics cost per reading.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DefaultDetectorSetBenchmark {

  private SignalDetectors detectors;
  private SignalSeries series;

  @Setup
  public void fillWindows() {
    detectors = new SignalDetectors("temperature", DetectorRules.reference().specsFor("sensor", "temperature",
        Map.of()));
    series = new SignalSeries(42);
    for (int i = 0; i < DetectorBenchmark.WARM_READINGS; i++) {
      series.advance();
      detectors.update(series.micros(), series.value());
    }
  }

  @Benchmark
  public List<Finding> update() {
    series.advance();
    return detectors.update(series.micros(), series.value());
  }
}
