package io.twinworks.runtime.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A CNC machine: spindle warms up while running and cools when stopped, parts come off every ~12 s
 * (2 % defective), and now and then it stops for a while. Faults: a spindle temperature spike and a
 * vibration burst.
 */
final class MachineSim implements SimulatedDevice {

  private static final double IDEAL_CYCLE_SECONDS = 12.0;
  private static final double DEFECT_RATE = 0.02;
  private static final double STOPS_PER_SECOND = 1.0 / 900;
  private static final double SPIKES_PER_SECOND = 1.0 / 600;
  private static final double BURSTS_PER_SECOND = 1.0 / 600;
  private static final double THERMAL_TAU_SECONDS = 120.0;

  private final String line;
  private final String machine;
  private final double hz;
  private final boolean faults;
  private final Random random;
  private final double runningTemperature;

  private double temperature;
  private double stopSeconds;
  private double cycleSeconds;
  private double cycleTime = IDEAL_CYCLE_SECONDS;
  private long cycleCount;
  private long defectCount;
  private double spikeSeconds;
  private double burstSeconds;

  MachineSim(String line, String machine, double hz, boolean faults, Random random) {
    this.line = line;
    this.machine = machine;
    this.hz = hz;
    this.faults = faults;
    this.random = random;
    this.runningTemperature = 52 + random.nextDouble() * 8;
    this.temperature = runningTemperature - 3;
    this.cycleCount = 1_000 + random.nextInt(4_000); // a shift already under way
    this.defectCount = Math.round(cycleCount * DEFECT_RATE);
  }

  static String topic(String line, String machine) {
    return "factory/" + line + "/" + machine + "/telemetry";
  }

  @Override
  public double hz() {
    return hz;
  }

  @Override
  public void emit(Instant at, Consumer<SimMessage> out) {
    Map<String, Number> readings = step(1.0 / hz);
    out.accept(
        new SimMessage(
            topic(line, machine),
            Payloads.machineTelemetry(machine, at, readings, line),
            readings.size()));
  }

  /** Advances the machine by {@code dt} seconds and returns its five signals. */
  Map<String, Number> step(double dt) {
    boolean running = advanceRunState(dt);
    if (running) {
      advanceCycle(dt);
    }
    double target = running ? runningTemperature : 30.0;
    temperature += (target - temperature) * dt / THERMAL_TAU_SECONDS + random.nextGaussian() * 0.05;
    double vibration = running ? 2.5 + random.nextGaussian() * 0.25 : 0.1 + random.nextDouble() * 0.05;
    if (faults) {
      spikeSeconds = Faults.advance(random, spikeSeconds, SPIKES_PER_SECOND, 5, dt);
      burstSeconds = Faults.advance(random, burstSeconds, BURSTS_PER_SECOND, 3, dt);
    }
    double spike = spikeSeconds > 0 ? 35 : 0;
    double burst = burstSeconds > 0 ? 6 : 1;

    Map<String, Number> readings = new LinkedHashMap<>();
    readings.put("spindle_temperature", Payloads.round(temperature + spike, 2));
    readings.put("vibration", Payloads.round(Math.abs(vibration) * burst, 3));
    readings.put("run_status", running ? 1 : 0);
    readings.put("cycle_count", cycleCount);
    readings.put("defect_count", defectCount);
    return readings;
  }

  private boolean advanceRunState(double dt) {
    if (stopSeconds > 0) {
      stopSeconds -= dt;
    } else if (random.nextDouble() < STOPS_PER_SECOND * dt) {
      stopSeconds = 20 + random.nextDouble() * 70;
    }
    return stopSeconds <= 0;
  }

  private void advanceCycle(double dt) {
    cycleSeconds += dt;
    if (cycleSeconds >= cycleTime) {
      cycleSeconds = 0;
      cycleTime = IDEAL_CYCLE_SECONDS * (1 + Math.abs(random.nextGaussian()) * 0.1);
      cycleCount++;
      if (random.nextDouble() < DEFECT_RATE) {
        defectCount++;
      }
    }
  }
}
