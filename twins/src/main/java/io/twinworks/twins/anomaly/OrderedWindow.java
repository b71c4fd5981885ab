package io.twinworks.twins.anomaly;

import java.util.Arrays;

/**
 * The last {@code capacity} values of a signal, answering order statistics (k-th smallest, quantiles,
 * median, median absolute deviation) in O(log n) per query and O(log n) per added value.
 *
 * <p>Why an AVL tree with subtree sizes: quantiles need the k-th smallest value for any k, which two
 * heaps (median only) cannot give; a Fenwick tree over ranks needs a value domain known in advance;
 * skip lists and treaps need randomness. The tree's nodes are the ring buffer's slots, ordered by
 * (value, slot), so equal values are distinct keys and the oldest slot can be removed exactly.
 *
 * <p>Bounded memory: one {@code double} and three {@code int}s plus a {@code byte} per slot, about
 * 21 bytes times {@code capacity}. Not thread-safe; owned by one detector. {@link #values()} exports
 * the window oldest first; adding them to an empty window rebuilds one that answers every query
 * identically (the tree's shape may differ, its order does not).
 */
final class OrderedWindow implements QuantileWindow {

  private static final int NIL = -1;

  private final double[] values;
  private final int[] left;
  private final int[] right;
  private final int[] size;
  private final byte[] height;
  private int root = NIL;
  private int next;
  private int count;

  OrderedWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("window capacity must be at least 1, was " + capacity);
    }
    values = new double[capacity];
    left = new int[capacity];
    right = new int[capacity];
    size = new int[capacity];
    height = new byte[capacity];
  }

  /** A window of {@code capacity} holding {@code oldestFirst} (only the newest fit if there are more). */
  static OrderedWindow of(int capacity, double[] oldestFirst) {
    OrderedWindow window = new OrderedWindow(capacity);
    for (double value : oldestFirst) {
      window.add(value);
    }
    return window;
  }

  int capacity() {
    return values.length;
  }

  @Override
  public int size() {
    return count;
  }

  /** Adds a value (not NaN), evicting the oldest when full. */
  @Override
  public void add(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a window holds numbers, not NaN");
    }
    if (count == values.length) {
      root = delete(root, next);
    } else {
      count++;
    }
    values[next] = value;
    left[next] = NIL;
    right[next] = NIL;
    size[next] = 1;
    height[next] = 1;
    root = insert(root, next);
    next = (next + 1) % values.length;
  }

  /** The k-th smallest value, 0-based. */
  double kth(int k) {
    if (k < 0 || k >= count) {
      throw new IndexOutOfBoundsException("k " + k + " outside a window of " + count);
    }
    int node = root;
    while (true) {
      int below = sizeOf(left[node]);
      if (k < below) {
        node = left[node];
      } else if (k == below) {
        return values[node];
      } else {
        k -= below + 1;
        node = right[node];
      }
    }
  }

  /** The p-quantile, for any p: linear between order statistics (Hyndman-Fan type 7, numpy's default). */
  @Override
  public double quantile(double p) {
    requireNotEmpty();
    double h = (count - 1) * p;
    int lo = (int) Math.floor(h);
    double low = kth(lo);
    return lo + 1 < count ? low + (h - lo) * (kth(lo + 1) - low) : low;
  }

  double median() {
    return quantile(0.5);
  }

  @Override
  public double centre() {
    return median();
  }

  @Override
  public String centreName() {
    return "median";
  }

  /**
   * The median of |x − median| over the window, in O(log² n): the absolute deviations are two sorted
   * runs (values below the median read right to left, the others left to right), and the k-th smallest
   * of two sorted runs is found by binary search, each probe an O(log n) order statistic.
   */
  double medianAbsoluteDeviation() {
    requireNotEmpty();
    double median = median();
    double h = (count - 1) * 0.5;
    int lo = (int) Math.floor(h);
    double low = kthDeviation(median, lo);
    return lo + 1 < count ? low + (h - lo) * (kthDeviation(median, lo + 1) - low) : low;
  }

  @Override
  public Values state() {
    return new Values(values());
  }

  /** The window's values, oldest first. */
  double[] values() {
    double[] out = new double[count];
    int start = count == values.length ? next : 0;
    for (int i = 0; i < count; i++) {
      out[i] = values[(start + i) % values.length];
    }
    return out;
  }

  @Override
  public String toString() {
    return "OrderedWindow" + Arrays.toString(values());
  }

  /** The k-th smallest (0-based) of |x − center|. */
  private double kthDeviation(double center, int k) {
    int below = countBelow(center);
    int above = count - below;
    // Take a deviations from the run below the center and k + 1 − a from the run above.
    int lo = Math.max(0, k + 1 - above);
    int hi = Math.min(k + 1, below);
    while (lo < hi) {
      int a = (lo + hi) >>> 1;
      // Too few from below when the next one below is smaller than the last one taken above.
      if (belowDeviation(center, below, a) < aboveDeviation(center, below, k - a)) {
        lo = a + 1;
      } else {
        hi = a;
      }
    }
    int a = lo;
    double fromBelow = a > 0 ? belowDeviation(center, below, a - 1) : Double.NEGATIVE_INFINITY;
    double fromAbove = k - a >= 0 ? aboveDeviation(center, below, k - a) : Double.NEGATIVE_INFINITY;
    return Math.max(fromBelow, fromAbove);
  }

  /** The j-th smallest deviation among values below the center, or +∞ past the run's end. */
  private double belowDeviation(double center, int below, int j) {
    return j < below ? center - kth(below - 1 - j) : Double.POSITIVE_INFINITY;
  }

  /** The j-th smallest deviation among values at or above the center, or +∞ past the run's end. */
  private double aboveDeviation(double center, int below, int j) {
    return j < count - below ? kth(below + j) - center : Double.POSITIVE_INFINITY;
  }

  /** How many values are strictly below {@code value}. */
  private int countBelow(double value) {
    int node = root;
    int below = 0;
    while (node != NIL) {
      if (values[node] < value) {
        below += sizeOf(left[node]) + 1;
        node = right[node];
      } else {
        node = left[node];
      }
    }
    return below;
  }

  private void requireNotEmpty() {
    if (count == 0) {
      throw new IllegalStateException("the window is empty");
    }
  }

  private int compare(int a, int b) {
    int byValue = Double.compare(values[a], values[b]);
    return byValue != 0 ? byValue : Integer.compare(a, b);
  }

  private int insert(int node, int slot) {
    if (node == NIL) {
      return slot;
    }
    if (compare(slot, node) < 0) {
      left[node] = insert(left[node], slot);
    } else {
      right[node] = insert(right[node], slot);
    }
    return balance(node);
  }

  private int delete(int node, int slot) {
    if (node == NIL) {
      throw new IllegalStateException("slot " + slot + " is not in the window");
    }
    int c = compare(slot, node);
    if (c < 0) {
      left[node] = delete(left[node], slot);
    } else if (c > 0) {
      right[node] = delete(right[node], slot);
    } else {
      if (left[node] == NIL) {
        return right[node];
      }
      if (right[node] == NIL) {
        return left[node];
      }
      int successor = right[node];
      while (left[successor] != NIL) {
        successor = left[successor];
      }
      right[successor] = deleteMin(right[node]);
      left[successor] = left[node];
      node = successor;
    }
    return balance(node);
  }

  private int deleteMin(int node) {
    if (left[node] == NIL) {
      return right[node];
    }
    left[node] = deleteMin(left[node]);
    return balance(node);
  }

  private int balance(int node) {
    update(node);
    int skew = heightOf(left[node]) - heightOf(right[node]);
    if (skew > 1) {
      if (heightOf(left[left[node]]) < heightOf(right[left[node]])) {
        left[node] = rotateLeft(left[node]);
      }
      return rotateRight(node);
    }
    if (skew < -1) {
      if (heightOf(right[right[node]]) < heightOf(left[right[node]])) {
        right[node] = rotateRight(right[node]);
      }
      return rotateLeft(node);
    }
    return node;
  }

  private int rotateRight(int node) {
    int pivot = left[node];
    left[node] = right[pivot];
    right[pivot] = node;
    update(node);
    update(pivot);
    return pivot;
  }

  private int rotateLeft(int node) {
    int pivot = right[node];
    right[node] = left[pivot];
    left[pivot] = node;
    update(node);
    update(pivot);
    return pivot;
  }

  private void update(int node) {
    size[node] = sizeOf(left[node]) + sizeOf(right[node]) + 1;
    height[node] = (byte) (Math.max(heightOf(left[node]), heightOf(right[node])) + 1);
  }

  private int sizeOf(int node) {
    return node == NIL ? 0 : size[node];
  }

  private int heightOf(int node) {
    return node == NIL ? 0 : height[node];
  }
}
