package io.twinworks.runtime.simulator;

import java.time.Instant;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A battery pack of cells in series: one current cycles the pack between 20 % and 95 % state of
 * charge; each cell has its own small offset. Every cell publishes voltage, temperature and soc, on
 * its own topic, half of these signals as bare numbers and half as {@code {"value","timestamp"}}. Fault: a hot cell.
 *
 * <p>One signal keeps one form, as a real device does. A signal that alternated had a bare number (source time = the
 * runtime's receive time, in microseconds) land now and then on the very microsecond of a timestamped reading of
 * the same signal, which the twin then dropped as a repeat (BenchIT saw 1 of 4,055 readings go so).
 */
final class PackSim implements SimulatedDevice {

  static final String TOPIC_PREFIX = "tenants/acme/plants/p1/racks/r1/packs/";
  private static final double SOC_PER_SECOND = 0.02;
  private static final double HOT_CELLS_PER_SECOND = 1.0 / 1800;
  private static final double HOT_SECONDS = 20;

  private final String pack;
  private final double hz;
  private final boolean faults;
  private final Random random;
  private final double[] socOffset;
  private final double[] temperatureOffset;
  private final double[] hotSeconds;

  private double packSoc;
  private boolean charging;

  PackSim(String pack, int cells, double hz, boolean faults, Random random) {
    this.pack = pack;
    this.hz = hz;
    this.faults = faults;
    this.random = random;
    this.socOffset = new double[cells];
    this.temperatureOffset = new double[cells];
    this.hotSeconds = new double[cells];
    for (int i = 0; i < cells; i++) {
      socOffset[i] = random.nextGaussian() * 0.5;
      temperatureOffset[i] = random.nextGaussian() * 0.4;
    }
    this.packSoc = 40 + random.nextDouble() * 40;
  }

  static String topic(String pack, int cell, String metric) {
    return String.format("%s%s/cells/%02d/%s", TOPIC_PREFIX, pack, cell, metric);
  }

  @Override
  public double hz() {
    return hz;
  }

  @Override
  public void emit(Instant at, Consumer<SimMessage> out) {
    double dt = 1.0 / hz;
    advanceCharge(dt);
    double current = charging ? -0.5 : 1.0; // relative to 1C/3; negative while charging
    for (int i = 0; i < socOffset.length; i++) {
      if (faults) {
        hotSeconds[i] = Faults.advance(random, hotSeconds[i], HOT_CELLS_PER_SECOND, HOT_SECONDS, dt);
      }
      double soc = Math.max(0, Math.min(100, packSoc + socOffset[i]));
      double voltage = 3.0 + 1.2 * soc / 100 - 0.03 * current + random.nextGaussian() * 0.002;
      double temperature =
          26 + 3 * Math.abs(current) + temperatureOffset[i] + random.nextGaussian() * 0.05
              + (hotSeconds[i] > 0 ? 25 : 0);
      int cell = i + 1;
      publish(at, cell, 0, "voltage", Payloads.round(voltage, 3), out);
      publish(at, cell, 1, "temperature", Payloads.round(temperature, 2), out);
      publish(at, cell, 2, "soc", Payloads.round(soc, 2), out);
    }
  }

  private void publish(
      Instant at, int cell, int metricIndex, String metric, double value, Consumer<SimMessage> out) {
    boolean wrapped = (cell + metricIndex) % 2 == 1;
    out.accept(new SimMessage(topic(pack, cell, metric), Payloads.cellMetric(value, at, wrapped), 1));
  }

  private void advanceCharge(double dt) {
    packSoc += (charging ? 2 : -1) * SOC_PER_SECOND * dt;
    if (packSoc <= 20) {
      charging = true;
    } else if (packSoc >= 95) {
      charging = false;
    }
  }
}
