package io.twinworks.benchmarks;

import static io.twinworks.benchmarks.SeedPayloads.RECEIVED;

import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.route.Decoded;
import io.twinworks.connectors.route.TopicPattern;
import io.twinworks.connectors.route.TopicRoutes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A message through the default routes of reference.conf ({@link TopicRoutes#decode}: the first matching
 * topic pattern, its codec, twin id and signal names, the readings), per route; and one topic match alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TopicRoutingBenchmark {

  private final TopicRoutes routes = TopicRoutes.fromConfig(ConfigFactory.defaultReference());
  private final TopicPattern machinePattern = TopicPattern.parse("factory/{line}/{machine}/telemetry");

  /** The last of the three default routes: two patterns are tried before it matches. */
  @Benchmark
  public Decoded sensorMessage() {
    return routes.decode(SeedPayloads.SENSOR_TOPIC, SeedPayloads.SENSOR_EPOCH_MILLIS, RECEIVED);
  }

  @Benchmark
  public Decoded machineMessage() {
    return routes.decode(SeedPayloads.MACHINE_TOPIC, SeedPayloads.MACHINE_READINGS, RECEIVED);
  }

  @Benchmark
  public Decoded batteryCellMessage() {
    return routes.decode(SeedPayloads.CELL_TOPIC, SeedPayloads.CELL_WRAPPED, RECEIVED);
  }

  /** Throws on a miss, so that a broken pattern cannot pass for a fast one. */
  @Benchmark
  public Map<String, String> topicMatch() {
    return machinePattern.match(SeedPayloads.MACHINE_TOPIC).orElseThrow();
  }
}
