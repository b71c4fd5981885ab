package io.twinworks.runtime.cli;

import io.twinworks.runtime.bench.heap.HeapBench;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks bench heap}: heap per sensor twin, active and idle, measured in this process. */
@Command(name = "heap", mixinStandardHelpOptions = true,
    description = "Start the twin machinery in this process (embedded H2 store in a temporary directory), create N "
        + "sensor twins through the ingestion stage, and report the heap after GC per twin with them active and "
        + "after they passivated, with the classes that grew most. Give the JVM room: JAVA_OPTS=-Xmx6g.")
public final class BenchHeapCommand implements Callable<Integer> {

  @Option(names = "--twins", defaultValue = "100000",
      description = "Sensor twins to create (default ${DEFAULT-VALUE}).")
  int twins;

  @Option(names = "--readings-per-twin", defaultValue = "1",
      description = "Readings per twin, 5 s of source time apart (default ${DEFAULT-VALUE}). A twin builds its "
          + "signal's detectors with the first reading it analyses: at once with a reorder grace period of 0 s, "
          + "with the second reading under a grace period of 2 s.")
  int readingsPerTwin;

  @Option(names = "--active", description = "Stop after measuring the active twins (do not wait for passivation).")
  boolean activeOnly;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file, as for run (e.g. a shorter "
      + "twinworks.twins.idle-timeout); the bench sets its own data dir, the embedded store and a 1-day heartbeat.")
  Path config;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Override
  public Integer call() {
    return BenchTarget.run("bench heap", () -> {
      new HeapBench(new HeapBench.Settings(twins, readingsPerTwin, activeOnly, Optional.ofNullable(config)),
          System.out).run(Optional.ofNullable(json));
      return true;
    });
  }
}
