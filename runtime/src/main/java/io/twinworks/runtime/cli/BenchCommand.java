package io.twinworks.runtime.cli;

import io.twinworks.runtime.bench.Bench;
import io.twinworks.runtime.bench.BenchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks bench}: end-to-end ingest rate against the bare broker's, measured in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchNabCommand.class, BenchAlertsCommand.class},
    description = "Measure a running Twinworks: readings/s from MQTT publish to persisted twins, next to the bare "
        + "broker's publish-to-subscriber rate in the same run.")
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--mqtt-url", defaultValue = "tcp://127.0.0.1:1883", description = "Broker (default ${DEFAULT-VALUE}).")
  String mqttUrl;

  @Option(names = "--http-url", defaultValue = "http://127.0.0.1:8080",
      description = "Twinworks HTTP API (default ${DEFAULT-VALUE}).")
  String httpUrl;

  @Option(names = "--twins", defaultValue = "100", description = "Simulated sensor twins (default ${DEFAULT-VALUE}).")
  int twins;

  @Option(names = "--readings-per-twin", defaultValue = "1000", description = "Default ${DEFAULT-VALUE}.")
  int readingsPerTwin;

  @Option(names = "--qos", defaultValue = "1", description = "0 or 1 (default ${DEFAULT-VALUE}).")
  int qos;

  @Option(names = "--window", defaultValue = "1000", description = "Publishes in flight (default ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Override
  public Integer call() {
    try {
      BenchSettings settings = new BenchSettings(mqttUrl, httpUrl, twins, readingsPerTwin, qos, window, timeout);
      return Bench.run(settings, json) ? 0 : 1;
    } catch (IllegalArgumentException e) {
      System.err.println("twinworks: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("twinworks: bench failed: " + e.getMessage());
      return 1;
    }
  }
}
