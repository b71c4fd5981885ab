package io.twinworks.twins.anomaly;

import java.util.Arrays;

/**
 * What a signal usually does at each time of its period: the period (a day) is cut into {@code slots},
 * and each slot keeps the mean of its readings in each of the last {@code periods} periods with
 * readings and in the period being filled — one row of slot means per period. A slot's expectation is the
 * median of its means in the {@code periods} periods before the reading's.
 *
 * <p>Means are {@code float} offsets from their row's first reading (a {@code double}): seven significant
 * digits of the signal's movement within a period. The row being filled keeps each slot's count, and its
 * means are running means. Bounded memory: a float per slot and row, an int per slot, 16 bytes per
 * row, periods + 1 rows: 48 slots and 3 periods, about 1.2 KB.
 */
final class SeasonalProfile {

  private static final long NONE = Long.MIN_VALUE;

  /**
   * The profile for snapshots, the rows a ring.
   *
   * @param periods each row's period (time / period length), {@link Long#MIN_VALUE} for a row never used
   * @param anchors each row's first reading
   * @param means the rows one after the other: each slot's mean as an offset from its row's anchor, NaN
   *     where the slot had no reading
   * @param counts each slot's readings in the row being filled
   * @param open the row being filled
   */
  record State(long[] periods, double[] anchors, float[] means, int[] counts, int open) {}

  private final int slots;
  private final int pastPeriods;
  private final long[] periods;
  private final double[] anchors;
  private final float[] means;
  private final int[] counts;
  private final double[] collected;
  private int open;

  SeasonalProfile(int slots, int pastPeriods) {
    this.slots = slots;
    this.pastPeriods = pastPeriods;
    this.periods = new long[pastPeriods + 1];
    this.anchors = new double[pastPeriods + 1];
    this.means = new float[(pastPeriods + 1) * slots];
    this.counts = new int[slots];
    this.collected = new double[pastPeriods];
    Arrays.fill(periods, NONE);
    Arrays.fill(means, Float.NaN);
  }

  static SeasonalProfile restore(int slots, int pastPeriods, State state) {
    SeasonalProfile profile = new SeasonalProfile(slots, pastPeriods);
    requireLength("periods", state.periods().length, profile.periods.length);
    requireLength("anchors", state.anchors().length, profile.anchors.length);
    requireLength("means", state.means().length, profile.means.length);
    requireLength("counts", state.counts().length, profile.counts.length);
    if (state.open() < 0 || state.open() >= profile.periods.length) {
      throw new IllegalArgumentException("a seasonal profile's open row must be a row, was " + state.open());
    }
    System.arraycopy(state.periods(), 0, profile.periods, 0, profile.periods.length);
    System.arraycopy(state.anchors(), 0, profile.anchors, 0, profile.anchors.length);
    System.arraycopy(state.means(), 0, profile.means, 0, profile.means.length);
    System.arraycopy(state.counts(), 0, profile.counts, 0, profile.counts.length);
    profile.open = state.open();
    return profile;
  }

  /**
   * Collects the slot's means of the {@code periods} periods before {@code period}, for {@link #median};
   * returns how many there are.
   */
  int collect(long period, int slot) {
    int known = 0;
    for (int row = 0; row < periods.length; row++) {
      float mean = means[row * slots + slot];
      if (periods[row] != NONE && periods[row] >= period - pastPeriods && periods[row] < period
          && !Float.isNaN(mean)) {
        collected[known++] = anchors[row] + mean;
      }
    }
    return known;
  }

  /** The median of the {@code known} (at least one) means just collected. */
  double median(int known) {
    Arrays.sort(collected, 0, known);
    return Quantiles.ofSorted(collected, known, 0.5);
  }

  /** Adds a reading (period not before the last one's); a new period's row replaces the oldest. */
  void add(long period, int slot, double value) {
    if (periods[open] != period) {
      if (periods[open] != NONE) {
        open = (open + 1) % periods.length;
      }
      periods[open] = period;
      anchors[open] = value;
      Arrays.fill(means, open * slots, (open + 1) * slots, Float.NaN);
      Arrays.fill(counts, 0);
    }
    int at = open * slots + slot;
    double offset = value - anchors[open];
    int n = ++counts[slot];
    means[at] = n == 1 ? (float) offset : (float) (means[at] + (offset - means[at]) / n);
  }

  State state() {
    return new State(periods.clone(), anchors.clone(), means.clone(), counts.clone(), open);
  }

  private static void requireLength(String name, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          "a seasonal profile's " + name + " has " + length + " entries where these settings need " + expected);
    }
  }
}
