package io.twinworks.runtime.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks run}: the runtime, without the simulator. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run Twinworks: MQTT ingestion, twins, HTTP API (embedded broker and store by default).")
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file with settings (overrides defaults).")
  Path config;

  @Override
  public Integer call() {
    return RuntimeLauncher.launch(config, Optional.empty());
  }
}
