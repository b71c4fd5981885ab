package io.twinworks.runtime.simulator;

/**
 * The simulator's devices for load generators ({@code bin/twinworks bench}): DESIGN.md's seed payload shapes
 * with the demo plant's value dynamics, without injected faults (so no device goes stuck or spikes on
 * purpose), emitting whenever they are asked to rather than on a clock.
 */
public final class LoadDevices {

  /** The demo's rate; only the step of the value dynamics depends on it, not how often a device emits. */
  private static final double HZ = 10;

  private LoadDevices() {}

  /** A sensor on {@code sensors/{id}/data}, twin {@code default:{id}}; its family (temperature, ...) by index. */
  public static SimulatedDevice sensor(String id, int index, long seed) {
    return new SensorSim(id, SensorSim.typeOf(index), HZ, false, Plant.random(seed, id));
  }

  /** A CNC machine on {@code factory/{line}/{machine}/telemetry}: five readings per publish. */
  public static SimulatedDevice machine(String line, String machine, long seed) {
    return new MachineSim(line, machine, HZ, false, Plant.random(seed, line + machine));
  }

  /**
   * A battery pack of {@code cells} cells, twin {@code acme:p1:r1:{pack}}: each emission is one publish per cell
   * and metric (voltage, temperature, soc), a bare number or {@code {"value","timestamp"}} in turn.
   */
  public static SimulatedDevice pack(String pack, int cells, long seed) {
    return new PackSim(pack, cells, HZ, false, Plant.random(seed, pack));
  }
}
