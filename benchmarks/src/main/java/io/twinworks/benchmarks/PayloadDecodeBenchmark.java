package io.twinworks.benchmarks;

import static io.twinworks.benchmarks.SeedPayloads.RECEIVED;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.connectors.codec.JsonPayloads;
import io.twinworks.connectors.codec.MachineJsonCodec;
import io.twinworks.connectors.codec.PayloadRejected;
import io.twinworks.connectors.codec.Sample;
import io.twinworks.connectors.codec.SensorJsonCodec;
import io.twinworks.connectors.codec.ValueJsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One payload through its codec, per seed shape; and a timestamp field alone. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PayloadDecodeBenchmark {

  private final JsonPayloads json = new JsonPayloads(Duration.ofDays(1));
  private final SensorJsonCodec sensor = new SensorJsonCodec(json);
  private final MachineJsonCodec machine = new MachineJsonCodec(json);
  private final ValueJsonCodec value = new ValueJsonCodec(json);
  private JsonNode isoTimestampObject;

  @Setup
  public void parseTimestampObject() throws PayloadRejected {
    isoTimestampObject = json.parseObject(
        ("{\"timestamp\":\"" + SeedPayloads.ISO_TIME + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  @Benchmark
  public List<Sample> sensorEpochMillis() throws PayloadRejected {
    return sensor.decode(SeedPayloads.SENSOR_EPOCH_MILLIS, RECEIVED);
  }

  @Benchmark
  public List<Sample> sensorIsoTimestamp() throws PayloadRejected {
    return sensor.decode(SeedPayloads.SENSOR_ISO, RECEIVED);
  }

  @Benchmark
  public List<Sample> machineOneSignal() throws PayloadRejected {
    return machine.decode(SeedPayloads.MACHINE_ONE_SIGNAL, RECEIVED);
  }

  @Benchmark
  public List<Sample> machineReadings() throws PayloadRejected {
    return machine.decode(SeedPayloads.MACHINE_READINGS, RECEIVED);
  }

  @Benchmark
  public List<Sample> batteryCellBareNumber() throws PayloadRejected {
    return value.decode(SeedPayloads.CELL_BARE, RECEIVED);
  }

  @Benchmark
  public List<Sample> batteryCellWrapped() throws PayloadRejected {
    return value.decode(SeedPayloads.CELL_WRAPPED, RECEIVED);
  }

  /** The ISO-8601 timestamp of an already parsed payload: the time parser and its checks alone. */
  @Benchmark
  public Instant isoTimestampField() throws PayloadRejected {
    return json.timestamp(isoTimestampObject, "timestamp", RECEIVED);
  }
}
