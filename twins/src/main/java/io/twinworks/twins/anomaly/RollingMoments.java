package io.twinworks.twins.anomaly;

/**
 * Mean and sample standard deviation of the last {@code capacity} values in O(1) per value: running
 * sums over a ring buffer. The sums are kept around a shift (the first value, then the mean at the last
 * rebuild) so that large offsets do not eat the variance's precision, and they are rebuilt from the
 * ring every {@code capacity} additions so rounding cannot accumulate. Bounded memory: one
 * {@code double} per slot.
 *
 * <p>{@link #state()} carries the sums themselves, not just the values: a restored copy continues
 * with bit-identical sums.
 */
final class RollingMoments {

  /**
   * The moments for snapshots.
   *
   * @param values the window, oldest first
   * @param shift the offset the sums are taken around
   * @param sum Σ(x − shift) over the window
   * @param sumOfSquares Σ(x − shift)² over the window
   * @param sinceRebuild additions since the sums were last rebuilt from the ring
   */
  record State(double[] values, double shift, double sum, double sumOfSquares, int sinceRebuild) {}

  private final double[] ring;
  private int next;
  private int count;
  private double shift;
  private double sum;
  private double sumOfSquares;
  private int sinceRebuild;

  RollingMoments(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("moments need a window of at least 2, was " + capacity);
    }
    ring = new double[capacity];
  }

  static RollingMoments restore(int capacity, State state) {
    RollingMoments moments = new RollingMoments(capacity);
    if (state.values().length > capacity) {
      throw new IllegalArgumentException(
          "a state of " + state.values().length + " values does not fit a window of " + capacity);
    }
    System.arraycopy(state.values(), 0, moments.ring, 0, state.values().length);
    moments.count = state.values().length;
    moments.next = moments.count % capacity;
    moments.shift = state.shift();
    moments.sum = state.sum();
    moments.sumOfSquares = state.sumOfSquares();
    moments.sinceRebuild = state.sinceRebuild();
    return moments;
  }

  int size() {
    return count;
  }

  void add(double value) {
    if (count == 0 && sinceRebuild == 0) {
      shift = value;
    }
    if (count == ring.length) {
      double old = ring[next] - shift;
      sum -= old;
      sumOfSquares -= old * old;
    } else {
      count++;
    }
    ring[next] = value;
    next = (next + 1) % ring.length;
    double d = value - shift;
    sum += d;
    sumOfSquares += d * d;
    if (++sinceRebuild >= ring.length) {
      rebuild();
    }
  }

  double mean() {
    return shift + sum / count;
  }

  /** The sample standard deviation (n − 1), 0 below two values. */
  double std() {
    if (count < 2) {
      return 0;
    }
    double variance = (sumOfSquares - sum * sum / count) / (count - 1);
    return variance > 0 ? Math.sqrt(variance) : 0;
  }

  State state() {
    double[] values = new double[count];
    int start = count == ring.length ? next : 0;
    for (int i = 0; i < count; i++) {
      values[i] = ring[(start + i) % ring.length];
    }
    return new State(values, shift, sum, sumOfSquares, sinceRebuild);
  }

  /** Rebuilds the sums oldest first, so a restored copy (whose ring starts elsewhere) sums in the same order. */
  private void rebuild() {
    int start = count == ring.length ? next : 0;
    double total = 0;
    for (int i = 0; i < count; i++) {
      total += ring[(start + i) % ring.length];
    }
    shift = total / count;
    sum = 0;
    sumOfSquares = 0;
    for (int i = 0; i < count; i++) {
      double d = ring[(start + i) % ring.length] - shift;
      sum += d;
      sumOfSquares += d * d;
    }
    sinceRebuild = 0;
  }
}
