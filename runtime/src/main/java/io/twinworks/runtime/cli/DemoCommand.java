package io.twinworks.runtime.cli;

import io.twinworks.runtime.simulator.SimulatorSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks demo}: the runtime plus a plant simulator publishing over MQTT. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Twinworks with a simulated plant: 10 machines, 20 sensors, 2 battery packs.")
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file with settings (overrides defaults).")
  Path config;

  @Option(names = "--sensors", paramLabel = "N", defaultValue = "20",
      description = "Simulated sensors (0..999, default ${DEFAULT-VALUE}); more sensors, more load.")
  int sensors;

  @Option(names = "--sensor-hz", paramLabel = "HZ", defaultValue = "10",
      description = "Readings per second of each sensor (up to 100, default ${DEFAULT-VALUE}).")
  double sensorHz;

  @Override
  public Integer call() {
    SimulatorSettings plant;
    try {
      plant = SimulatorSettings.defaults().withSensors(sensors, sensorHz);
    } catch (IllegalArgumentException e) {
      System.err.println("twinworks: " + e.getMessage());
      return RuntimeLauncher.CONFIG_ERROR;
    }
    return RuntimeLauncher.launch(config, Optional.of(plant));
  }
}
