package io.twinworks.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks demo}: the runtime plus a plant simulator publishing over MQTT. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Twinworks with a simulated plant: 10 machines, 20 sensors, 2 battery packs.")
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file with settings (overrides defaults).")
  Path config;

  @Override
  public Integer call() {
    return RuntimeLauncher.launch(config, true);
  }
}
