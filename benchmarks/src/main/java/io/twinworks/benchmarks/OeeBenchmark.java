package io.twinworks.benchmarks;

import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.oee.OeeAccumulator;
import io.twinworks.twins.oee.OeeSettings;
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
 * One machine reading into {@link OeeAccumulator} (24/7 calendar, ideal cycle time 1 s): a machine at 10 Hz
 * cycling through run state, parts counter, rejects counter and an analog signal, so windows close every
 * 15 minutes of source time as they do in a plant.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OeeBenchmark {

  private static final long STEP_MICROS = 100_000L;
  private static final String[] SIGNALS = {
      OeeAccumulator.RUN_STATUS, OeeAccumulator.CYCLE_COUNT, OeeAccumulator.DEFECT_COUNT, "spindle_temperature"};

  private OeeAccumulator oee;
  private long micros = 1_795_000_000_000_000L;
  private long count;

  @Setup
  public void start() {
    oee = new OeeAccumulator(OeeSettings.fromMap(Map.of("ideal-cycle-time", "PT1S")));
  }

  @Benchmark
  public List<Finding> update() {
    micros += STEP_MICROS;
    count++;
    String signal = SIGNALS[(int) (count & 3)];
    double value = switch (signal) {
      case OeeAccumulator.RUN_STATUS -> count % 400 < 360 ? 1 : 0;
      case OeeAccumulator.CYCLE_COUNT -> count / 4;
      case OeeAccumulator.DEFECT_COUNT -> count / 400;
      default -> 61.5;
    };
    return oee.onReading(signal, value, micros);
  }
}
