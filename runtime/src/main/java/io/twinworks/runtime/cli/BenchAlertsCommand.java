package io.twinworks.runtime.cli;

import io.twinworks.runtime.bench.AlertLatencyBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code twinworks bench alerts}: publish-to-SSE latency of alerts under a background load. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Measure the time from publishing an anomalous reading to its alert on the SSE stream, once a "
        + "second, while a background load of sensor readings is published at QoS 1.")
public final class BenchAlertsCommand implements Callable<Integer> {

  @Mixin
  BenchTarget target = new BenchTarget();

  @Option(names = "--rate", defaultValue = "10000", description = "Background readings/s (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--twins", defaultValue = "100", description = "Background sensor twins (default ${DEFAULT-VALUE}).")
  int twins;

  @Option(names = "--seconds", defaultValue = "60", description = "Probes, one a second (default ${DEFAULT-VALUE}).")
  int seconds;

  @Override
  public Integer call() {
    return BenchTarget.run("bench alerts", () -> {
      AlertLatencyBench.run(new AlertLatencyBench.Settings(target.mqttUrl, target.httpUrl, rate, twins, seconds,
          target.window), target.json);
      return true;
    });
  }
}
