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
 * row, periods + 1 rows: 48 slots and 3 periods, about 1.2 KB. The rows of means are added as periods
 * begin (a profile in its first period holds one), and only they are read: a row whose period is
 * {@link #NONE} has no means yet.
 */
final class SeasonalProfile {

  private static final long NONE = Long.MIN_VALUE;
  private static final float[] NO_MEANS = {};
  private static final double[] NOTHING_COLLECTED = {};

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
  private float[] means = NO_MEANS;
  private final int[] counts;
  private double[] collected = NOTHING_COLLECTED;
  private int open;

  SeasonalProfile(int slots, int pastPeriods) {
    this.slots = slots;
    this.pastPeriods = pastPeriods;
    this.periods = new long[pastPeriods + 1];
    this.anchors = new double[pastPeriods + 1];
    this.counts = new int[slots];
    Arrays.fill(periods, NONE);
  }

  static SeasonalProfile restore(int slots, int pastPeriods, State state) {
    SeasonalProfile profile = new SeasonalProfile(slots, pastPeriods);
    requireLength("periods", state.periods().length, profile.periods.length);
    requireLength("anchors", state.anchors().length, profile.anchors.length);
    requireLength("means", state.means().length, allMeans(slots, pastPeriods));
    requireLength("counts", state.counts().length, profile.counts.length);
    if (state.open() < 0 || state.open() >= profile.periods.length) {
      throw new IllegalArgumentException("a seasonal profile's open row must be a row, was " + state.open());
    }
    System.arraycopy(state.periods(), 0, profile.periods, 0, profile.periods.length);
    System.arraycopy(state.anchors(), 0, profile.anchors, 0, profile.anchors.length);
    profile.means = Arrays.copyOf(state.means(), rowsUsed(state.periods()) * slots);
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
      if (periods[row] == NONE || periods[row] < period - pastPeriods || periods[row] >= period) {
        continue;
      }
      float mean = means[row * slots + slot];
      if (!Float.isNaN(mean)) {
        if (collected.length == 0) {
          collected = new double[pastPeriods];
        }
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
      if (means.length < (open + 1) * slots) {
        means = Arrays.copyOf(means, (open + 1) * slots);
      }
      Arrays.fill(means, open * slots, (open + 1) * slots, Float.NaN);
      Arrays.fill(counts, 0);
    }
    int at = open * slots + slot;
    double offset = value - anchors[open];
    int n = ++counts[slot];
    means[at] = n == 1 ? (float) offset : (float) (means[at] + (offset - means[at]) / n);
  }

  State state() {
    float[] allRows = Arrays.copyOf(means, allMeans(slots, pastPeriods));
    Arrays.fill(allRows, means.length, allRows.length, Float.NaN);
    return new State(periods.clone(), anchors.clone(), allRows, counts.clone(), open);
  }

  private static int allMeans(int slots, int pastPeriods) {
    return (pastPeriods + 1) * slots;
  }

  /** The rows up to the last one with a period: the ring fills them in order and never empties one. */
  private static int rowsUsed(long[] periods) {
    int used = 0;
    for (int row = 0; row < periods.length; row++) {
      if (periods[row] != NONE) {
        used = row + 1;
      }
    }
    return used;
  }

  private static void requireLength(String name, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          "a seasonal profile's " + name + " has " + length + " entries where these settings need " + expected);
    }
  }
}
