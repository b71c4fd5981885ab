package io.twinworks.runtime.cli;

import io.twinworks.runtime.bench.Bench;
import io.twinworks.runtime.bench.BenchSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code twinworks bench}: end-to-end ingest rate against the bare broker's, measured in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {BenchNabCommand.class, BenchAlertsCommand.class, BenchHeapCommand.class},
    description = "Measure a running Twinworks: readings/s from MQTT publish to persisted twins, next to the bare "
        + "broker's publish-to-subscriber rate in the same run.")
public final class BenchCommand implements Callable<Integer> {

  @Mixin
  BenchTarget target = new BenchTarget();

  @Option(names = "--twins", defaultValue = "100", description = "Simulated sensor twins (default ${DEFAULT-VALUE}).")
  int twins;

  @Option(names = "--readings-per-twin", defaultValue = "1000", description = "Default ${DEFAULT-VALUE}.")
  int readingsPerTwin;

  @Option(names = "--qos", defaultValue = "1", description = "0 or 1 (default ${DEFAULT-VALUE}).")
  int qos;

  @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    return BenchTarget.run("bench", () -> Bench.run(new BenchSettings(target.mqttUrl, target.httpUrl, twins,
        readingsPerTwin, qos, target.window, timeout), target.json));
  }
}
