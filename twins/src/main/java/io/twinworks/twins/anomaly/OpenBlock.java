package io.twinworks.twins.anomaly;

import java.util.Arrays;

/**
 * The block a {@link BlockQuantiles} is filling: what it needs of the values to give their order
 * statistics at the kept ranks once the block is full. When every kept rank is among the
 * {@value #MAX_TAIL} smallest or largest, only that many smallest and largest values are kept, in order
 * (O(tail) per value, e.g. 4 + 4 values for the 1 % and 99 % levels of 252 values); otherwise every
 * value is, and sorted when the block is full. Values are kept as {@code float} offsets from the block's
 * first value; the sum of the offsets (a double) gives the block's mean. Bounded memory: a float per kept
 * value; when every value is kept, the array grows with them (8, 16, 32, … up to the block's size).
 */
final class OpenBlock {

  /** The most smallest (or largest) values kept instead of all of them. */
  static final int MAX_TAIL = 16;

  private final int size;
  private final boolean everyValue;
  private final int lowKept;
  private final int highKept;
  private float[] kept;
  private double anchor;
  private double offsetSum;
  private int count;

  /**
   * A block of {@code size} values that must give its order statistics (ranks from 0) up to
   * {@code lowRanksTo} and from {@code highRanksFrom} on.
   */
  OpenBlock(int size, int lowRanksTo, int highRanksFrom) {
    this.size = size;
    int low = lowRanksTo + 1;
    int high = size - highRanksFrom;
    this.everyValue = low > MAX_TAIL || high > MAX_TAIL || low + high >= size;
    this.lowKept = everyValue ? size : low;
    this.highKept = everyValue ? 0 : high;
    this.kept = new float[everyValue ? 0 : lowKept + highKept];
  }

  int size() {
    return size;
  }

  boolean keepsEveryValue() {
    return everyValue;
  }

  int count() {
    return count;
  }

  boolean isFull() {
    return count == size;
  }

  double anchor() {
    return anchor;
  }

  /** The sum of the values' offsets from {@link #anchor}. */
  double offsetSum() {
    return offsetSum;
  }

  /** The mean of the values so far (at least one). */
  double mean() {
    return anchor + offsetSum / count;
  }

  void add(double value) {
    if (count == 0) {
      anchor = value;
    }
    float offset = (float) (value - anchor);
    offsetSum += value - anchor;
    if (keepsEveryValue()) {
      makeRoom(count + 1);
      kept[count] = offset;
    } else {
      keepSmallest(offset, Math.min(count, lowKept));
      keepLargest(offset, Math.min(count, highKept));
    }
    count++;
  }

  /** The full block's order statistics at the kept ranks, by rank (others are NaN). Sorts in place. */
  double[] orderStatistics() {
    double[] byRank = new double[size];
    Arrays.fill(byRank, Double.NaN);
    if (keepsEveryValue()) {
      Arrays.sort(kept, 0, count);
    }
    for (int i = 0; i < lowKept; i++) {
      byRank[i] = anchor + kept[i];
    }
    for (int i = 0; i < highKept; i++) {
      byRank[size - highKept + i] = anchor + kept[lowKept + i];
    }
    return byRank;
  }

  /** Empties the block for the next values. */
  void clear() {
    count = 0;
    anchor = 0;
    offsetSum = 0;
  }

  /** What is kept, for snapshots: every value in arrival order, or the smallest then the largest, each ascending. */
  float[] keptValues() {
    if (keepsEveryValue()) {
      return Arrays.copyOf(kept, count);
    }
    int low = Math.min(count, lowKept);
    int high = Math.min(count, highKept);
    float[] values = new float[low + high];
    System.arraycopy(kept, 0, values, 0, low);
    System.arraycopy(kept, lowKept, values, low, high);
    return values;
  }

  /** Continues from a snapshot's {@link #keptValues}, {@link #anchor}, {@link #offsetSum} and {@link #count}. */
  void restore(float[] values, double anchor, double offsetSum, int count) {
    int low = keepsEveryValue() ? count : Math.min(count, lowKept);
    int high = keepsEveryValue() ? 0 : Math.min(count, highKept);
    if (count < 0 || count >= size || values.length != low + high) {
      throw new IllegalArgumentException("an open block of " + count + " values keeping " + values.length
          + " does not fit blocks of " + size + " keeping " + (lowKept + highKept));
    }
    if (keepsEveryValue()) {
      makeRoom(low);
    } else {
      System.arraycopy(values, low, kept, lowKept, high);
    }
    System.arraycopy(values, 0, kept, 0, low);
    this.anchor = anchor;
    this.offsetSum = offsetSum;
    this.count = count;
  }

  /** Grows the array of every value to hold at least {@code values}, doubling up to the block's size. */
  private void makeRoom(int values) {
    if (values > kept.length) {
      kept = Arrays.copyOf(kept, Math.min(size, Math.max(values, Math.max(8, 2 * kept.length))));
    }
  }

  /** Inserts into the ascending {@code held} smallest values, dropping the largest when they are full. */
  private void keepSmallest(float value, int held) {
    int at = held < lowKept ? held : lowKept - 1;
    if (held == lowKept && !(value < kept[at])) {
      return;
    }
    while (at > 0 && kept[at - 1] > value) {
      kept[at] = kept[at - 1];
      at--;
    }
    kept[at] = value;
  }

  /** Inserts into the ascending {@code held} largest values, dropping the smallest when they are full. */
  private void keepLargest(float value, int held) {
    int from = lowKept;
    if (held < highKept) {
      int at = from + held;
      while (at > from && kept[at - 1] > value) {
        kept[at] = kept[at - 1];
        at--;
      }
      kept[at] = value;
      return;
    }
    if (!(value > kept[from])) {
      return;
    }
    int at = from;
    while (at + 1 < from + highKept && kept[at + 1] < value) {
      kept[at] = kept[at + 1];
      at++;
    }
    kept[at] = value;
  }
}
