package io.twinworks.runtime.cli;

import io.twinworks.runtime.bench.AlertLatencyBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks bench alerts}: publish-to-SSE latency of alerts under a background load. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Measure the time from publishing an anomalous reading to its alert on the SSE stream, once a "
        + "second, while a background load of sensor readings is published at QoS 1.")
public final class BenchAlertsCommand implements Callable<Integer> {

  @Option(names = "--mqtt-url", defaultValue = "tcp://127.0.0.1:1883", description = "Broker (default ${DEFAULT-VALUE}).")
  String mqttUrl;

  @Option(names = "--http-url", defaultValue = "http://127.0.0.1:8080",
      description = "Twinworks HTTP API (default ${DEFAULT-VALUE}).")
  String httpUrl;

  @Option(names = "--rate", defaultValue = "10000", description = "Background readings/s (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--twins", defaultValue = "100", description = "Background sensor twins (default ${DEFAULT-VALUE}).")
  int twins;

  @Option(names = "--seconds", defaultValue = "60", description = "Probes, one a second (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--window", defaultValue = "1000",
      description = "Background publishes in flight (default ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Override
  public Integer call() {
    try {
      AlertLatencyBench.run(new AlertLatencyBench.Settings(mqttUrl, httpUrl, rate, twins, seconds, window), json);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("twinworks: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("twinworks: bench alerts failed: " + e.getMessage());
      return 1;
    }
  }
}
