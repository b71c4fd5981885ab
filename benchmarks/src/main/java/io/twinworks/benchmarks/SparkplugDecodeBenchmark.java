package io.twinworks.benchmarks;

import static io.twinworks.benchmarks.SeedPayloads.EPOCH_MILLIS;
import static io.twinworks.benchmarks.SeedPayloads.RECEIVED;

import io.twinworks.connectors.sparkplug.SparkplugResult;
import io.twinworks.connectors.sparkplug.SparkplugSessions;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Sparkplug B NDATA of four metrics by alias (the shape of {@code PayloadDecodeBenchmark.machineReadings}) through
 * the host sessions after the node's NBIRTH: protobuf parse, seq check, alias lookup, readings. The messages cycle
 * through all 256 sequence numbers in order, so none is a gap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SparkplugDecodeBenchmark {

  private static final String[] NAMES = {"spindle_temperature", "vibration", "run_status", "cycle_count"};
  private static final DataType[] TYPES = {DataType.Double, DataType.Float, DataType.Boolean, DataType.UInt32};

  private final SparkplugSessions sessions = new SparkplugSessions(TwinKind.MACHINE, Duration.ofSeconds(5));
  private final byte[][] data = new byte[256][];
  private int next = 1;

  @Setup
  public void birth() {
    Payload.Builder birth = Payload.newBuilder().setTimestamp(EPOCH_MILLIS).setSeq(0);
    for (int i = 0; i < NAMES.length; i++) {
      Metric.Builder defined = Metric.newBuilder().setName(NAMES[i]).setAlias(i + 1).setDatatype(TYPES[i].getNumber());
      birth.addMetrics(value(defined, i));
    }
    sessions.decode("spBv1.0/line1/NBIRTH/cnc01", birth.build().toByteArray(), RECEIVED);
    for (int seq = 0; seq < data.length; seq++) {
      Payload.Builder message = Payload.newBuilder().setTimestamp(EPOCH_MILLIS).setSeq(seq);
      for (int i = 0; i < NAMES.length; i++) {
        message.addMetrics(value(Metric.newBuilder().setAlias(i + 1), i));
      }
      data[seq] = message.build().toByteArray();
    }
  }

  @Benchmark
  public SparkplugResult nodeDataByAlias() {
    SparkplugResult result = sessions.decode("spBv1.0/line1/NDATA/cnc01", data[next], RECEIVED);
    next = (next + 1) % data.length;
    return result;
  }

  private static Metric.Builder value(Metric.Builder metric, int i) {
    return switch (TYPES[i]) {
      case Double -> metric.setDoubleValue(61.5);
      case Float -> metric.setFloatValue(0.42f);
      case Boolean -> metric.setBooleanValue(true);
      default -> metric.setIntValue(1200);
    };
  }
}
