package io.twinworks.twins.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills the steps without readings between a signal's history buckets, so that charts and window
 * calculations see a regular series. Filled buckets have {@code filled = true} and {@code count = 0}.
 * Only gaps between two measured buckets are filled: steps before the first or after the last
 * measured bucket stay absent, because nothing says what the signal did there (no extrapolation).
 * Bounded: at most {@link #MAX_STEPS} steps per call.
 */
public final class GapFill {

  public static final int MAX_STEPS = 100_000;

  /** Signals that hold a state or a cumulative count, which stay where they were until they change. */
  private static final Set<String> STEPWISE_SIGNALS = Set.of("run_status", "state", "cycle_count", "defect_count");

  /** How a gap is filled. */
  public enum Method {
    /** Each filled step repeats the figures of the measured bucket before the gap: states, counters. */
    FORWARD,
    /** Each figure goes in a straight line from the bucket before the gap to the one after: analog values. */
    LINEAR;

    /** {@link #FORWARD} for the machine states and counters of the design, {@link #LINEAR} for the rest. */
    public static Method forSignal(String signal) {
      return STEPWISE_SIGNALS.contains(signal) ? FORWARD : LINEAR;
    }
  }

  private GapFill() {}

  /**
   * The buckets of the steps {@code from + k × step} in {@code [from, to)}: the measured ones as
   * given and the gaps between them filled.
   *
   * @param measured buckets with strictly increasing starts, each on a step inside {@code [from, to)}
   * @throws IllegalArgumentException on a bad range or step, more than {@link #MAX_STEPS} steps, or
   *     a measured bucket out of order, off the steps or outside the range
   */
  public static List<HistoryBucket> fill(
      List<HistoryBucket> measured, long fromMicros, long toMicros, long stepMicros, Method method) {
    checkRange(fromMicros, toMicros, stepMicros);
    checkBuckets(measured, fromMicros, toMicros, stepMicros);
    List<HistoryBucket> out = new ArrayList<>();
    HistoryBucket previous = null;
    for (HistoryBucket next : measured) {
      if (previous != null) {
        for (long t = previous.startMicros() + stepMicros; t < next.startMicros(); t += stepMicros) {
          out.add(filled(previous, next, t, method));
        }
      }
      out.add(next);
      previous = next;
    }
    return out;
  }

  private static HistoryBucket filled(HistoryBucket before, HistoryBucket after, long t, Method method) {
    return switch (method) {
      case FORWARD -> new HistoryBucket(t, before.min(), before.max(), before.avg(), 0, true);
      case LINEAR -> {
        double fraction = (double) (t - before.startMicros()) / (after.startMicros() - before.startMicros());
        yield new HistoryBucket(t, between(before.min(), after.min(), fraction),
            between(before.max(), after.max(), fraction), between(before.avg(), after.avg(), fraction), 0, true);
      }
    };
  }

  private static double between(double a, double b, double fraction) {
    return a + (b - a) * fraction;
  }

  private static void checkRange(long fromMicros, long toMicros, long stepMicros) {
    if (stepMicros <= 0) {
      throw new IllegalArgumentException("step must be positive, was " + stepMicros + " µs");
    }
    if (toMicros <= fromMicros) {
      throw new IllegalArgumentException("to " + toMicros + " must be after from " + fromMicros);
    }
    long span;
    try {
      span = Math.subtractExact(toMicros, fromMicros);
    } catch (ArithmeticException e) {
      span = Long.MAX_VALUE;
    }
    if ((span - 1) / stepMicros + 1 > MAX_STEPS) {
      throw new IllegalArgumentException("from .. to holds more than " + MAX_STEPS + " steps of " + stepMicros + " µs");
    }
  }

  private static void checkBuckets(List<HistoryBucket> measured, long fromMicros, long toMicros, long stepMicros) {
    long last = Long.MIN_VALUE;
    for (int i = 0; i < measured.size(); i++) {
      long t = measured.get(i).startMicros();
      if (t < fromMicros || t >= toMicros || (t - fromMicros) % stepMicros != 0) {
        throw new IllegalArgumentException("bucket[" + i + "] starts at " + t + ", not on a step of "
            + stepMicros + " µs in [" + fromMicros + ", " + toMicros + ")");
      }
      if (i > 0 && t <= last) {
        throw new IllegalArgumentException("bucket[" + i + "] starts at " + t + ", not after the one before at " + last);
      }
      last = t;
    }
  }
}
