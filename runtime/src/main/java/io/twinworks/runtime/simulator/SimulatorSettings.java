package io.twinworks.runtime.simulator;

/**
 * What the plant simulator publishes: {@code lines × machinesPerLine} CNC machines, {@code sensors}
 * single-value sensors and {@code packs × cellsPerPack} battery cells, each at its own rate.
 */
public record SimulatorSettings(
    int lines,
    int machinesPerLine,
    int sensors,
    int packs,
    int cellsPerPack,
    double machineHz,
    double sensorHz,
    double cellHz,
    long seed,
    boolean faults) {

  public SimulatorSettings {
    requireRange("lines", lines, 0, 9);
    requireRange("machinesPerLine", machinesPerLine, 0, 99);
    requireRange("sensors", sensors, 0, 999);
    requireRange("packs", packs, 0, 99);
    requireRange("cellsPerPack", cellsPerPack, 0, 99);
    requireRate("machineHz", machineHz);
    requireRate("sensorHz", sensorHz);
    requireRate("cellHz", cellHz);
  }

  /** The demo plant: 2 lines × 5 CNCs at 10 Hz, 20 sensors at 10 Hz, 2 packs × 16 cells at 1 Hz. */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(2, 5, 20, 2, 16, 10.0, 10.0, 1.0, 42L, true);
  }

  /** The same plant with a different number of sensors publishing at a different rate. */
  public SimulatorSettings withSensors(int count, double hz) {
    return new SimulatorSettings(lines, machinesPerLine, count, packs, cellsPerPack, machineHz, hz, cellHz, seed, faults);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "simulator " + name + " must be " + min + ".." + max + ", was " + value);
    }
  }

  private static void requireRate(String name, double hz) {
    if (!(hz > 0 && hz <= 100)) {
      throw new IllegalArgumentException("simulator " + name + " must be in (0, 100] Hz, was " + hz);
    }
  }
}
