package io.twinworks.benchmarks;

import java.util.Random;

/**
 * A deterministic sensor signal to feed analytics with: a daily cycle plus noise, one reading every five
 * minutes (the NAB corpus' pace, so seasonal and flatline detectors see whole days), repeating after
 * {@link #SIZE} readings while time keeps moving on.
 */
final class SignalSeries {

  static final int SIZE = 1 << 16;
  static final long STEP_MICROS = 300_000_000L;
  private static final int PER_DAY = 288;

  private final double[] values = new double[SIZE];
  private long micros = 1_795_000_000_000_000L;
  private int next;

  SignalSeries(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < SIZE; i++) {
      values[i] = 50 + 10 * Math.sin(2 * Math.PI * i / PER_DAY) + random.nextGaussian();
    }
  }

  /** Moves to the next reading; read it with {@link #micros()} and {@link #value()}. */
  void advance() {
    micros += STEP_MICROS;
    next = (next + 1) & (SIZE - 1);
  }

  long micros() {
    return micros;
  }

  double value() {
    return values[next];
  }
}
