package io.twinworks.runtime.simulator;

import java.util.Random;

/** Fault timing shared by the simulated devices: rare random onsets that last a while. */
final class Faults {

  private Faults() {}

  /**
   * Seconds left of a fault after {@code dt} more seconds: counts an active fault down, or starts one
   * lasting {@code duration} with probability {@code perSecond · dt}.
   */
  static double advance(Random random, double remaining, double perSecond, double duration, double dt) {
    if (remaining > 0) {
      return remaining - dt;
    }
    return random.nextDouble() < perSecond * dt ? duration : 0;
  }
}
