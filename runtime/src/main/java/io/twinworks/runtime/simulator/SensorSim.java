package io.twinworks.runtime.simulator;

import java.time.Instant;
import java.util.Random;
import java.util.function.Consumer;

/** A single-value sensor wandering around its set point. Fault: it gets stuck on one value. */
final class SensorSim implements SimulatedDevice {

  /** The sensor families: id prefix, payload key, set point, spread, decimals. */
  enum Type {
    TEMP("temperature", 40.0, 5.0, 2),
    PRESS("pressure", 5.0, 0.5, 3),
    HUM("humidity", 45.0, 5.0, 1);

    final String key;
    final double setPoint;
    final double spread;
    final int decimals;

    Type(String key, double setPoint, double spread, int decimals) {
      this.key = key;
      this.setPoint = setPoint;
      this.spread = spread;
      this.decimals = decimals;
    }
  }

  private static final double STUCK_PER_SECOND = 1.0 / 900;
  private static final double STUCK_SECONDS = 30;
  private static final double REVERT_TAU_SECONDS = 30;

  private final String id;
  private final Type type;
  private final double hz;
  private final boolean faults;
  private final Random random;
  private final double setPoint;

  private double value;
  private double stuckSeconds;
  private double lastPublished;

  SensorSim(String id, Type type, double hz, boolean faults, Random random) {
    this.id = id;
    this.type = type;
    this.hz = hz;
    this.faults = faults;
    this.random = random;
    this.setPoint = type.setPoint + random.nextGaussian() * type.spread / 2;
    this.value = setPoint;
  }

  /** TEMP-01, PRESS-01, HUM-01, TEMP-02, ...: the {@code index}-th sensor of a plant. */
  static String id(int index) {
    Type type = typeOf(index);
    return String.format("%s-%02d", type.name(), index / Type.values().length + 1);
  }

  static Type typeOf(int index) {
    return Type.values()[index % Type.values().length];
  }

  static String topic(String id) {
    return "sensors/" + id + "/data";
  }

  @Override
  public double hz() {
    return hz;
  }

  @Override
  public void emit(Instant at, Consumer<SimMessage> out) {
    double reading = step(1.0 / hz);
    out.accept(new SimMessage(topic(id), Payloads.sensorData(id, type.key, reading, at), 1));
  }

  /** Advances by {@code dt} seconds; a mean-reverting walk, frozen while stuck. */
  double step(double dt) {
    value +=
        (setPoint - value) * dt / REVERT_TAU_SECONDS
            + random.nextGaussian() * type.spread * 0.05 * Math.sqrt(dt);
    boolean wasStuck = stuckSeconds > 0;
    if (faults) {
      stuckSeconds = Faults.advance(random, stuckSeconds, STUCK_PER_SECOND, STUCK_SECONDS, dt);
    }
    if (!(wasStuck && stuckSeconds > 0)) {
      lastPublished = Payloads.round(value, type.decimals);
    }
    return lastPublished;
  }
}
