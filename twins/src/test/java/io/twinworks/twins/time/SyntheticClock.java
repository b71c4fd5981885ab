package io.twinworks.twins.time;

import java.util.Random;

/**
 * A source clock 2 s behind ours that gains 50 ppm, read once a second, its readings reaching us
 * after 2 ms plus an exponential delay of mean 40 ms (seeded, so every run sees the same delays).
 */
final class SyntheticClock {

  static final long T0 = 1_714_557_600_000_000L; // 2024-05-01T10:00:00Z
  static final double DRIFT_PPM = 50;
  private static final long BEHIND_MICROS = 2_000_000;
  private static final double MIN_DELAY_MICROS = 2_000;
  private static final double MEAN_EXTRA_DELAY_MICROS = 40_000;

  private final Random random;

  SyntheticClock(long seed) {
    this.random = new Random(seed);
  }

  /** The source's clock reading at {@code second} seconds after {@link #T0} on ours. */
  long sourceAt(int second) {
    long elapsed = second * 1_000_000L;
    return T0 + elapsed - BEHIND_MICROS + Math.round(elapsed * DRIFT_PPM / 1e6);
  }

  /** When the reading made at {@code second} reaches us. */
  long receiveAt(int second) {
    double delay = MIN_DELAY_MICROS - MEAN_EXTRA_DELAY_MICROS * Math.log(1 - random.nextDouble());
    return T0 + second * 1_000_000L + Math.round(delay);
  }
}
