package io.twinworks.twins.anomaly;

import java.util.Arrays;

/**
 * Approximate quantiles of about the last {@code window} values in a few hundred bytes. The values go
 * into blocks of {@code window / 16} (rounded up); a full block is kept only as its order statistics at
 * the kept levels — 0, the probabilities asked for, 1 (type 7, like {@link OrderedWindow}) — and its
 * mean, and the last 16 full blocks are the window. The block being filled ({@link OpenBlock}) is not in
 * the answers before it is full: the window moves a block at a time and lags the newest value by less
 * than a block.
 *
 * <p>The answer takes the window's distribution as the mixture of its blocks' distributions, each
 * linear between its kept levels (a block counts 0 below its minimum and all of it from its maximum on),
 * and gives the value where that mixture reaches p. With a single block it is the block's own type-7
 * quantile at a kept level.
 *
 * <p>Error bound: if the answer lies in block b between its kept levels p_j and p_(j+1), let g_b =
 * p_(j+1) − p_j (0 when it lies outside the block's range). Of the window's values, a fraction within
 * {@code p ± (mean of g_b over the blocks + 1 / blockSize)} is at or below the answer. With levels 0,
 * 0.01, 0.99, 1 and blocks of 252, an answer for p = 0.01 below every block's 1 % level is at worst the
 * window's 0 % or 2.4 % quantile (0.01 ± (0.01 + 1/252)); it is exact when the blocks agree.
 *
 * <p>O(1) amortized per value: a full block's levels are taken and the answers recomputed (O(k log k),
 * k = blocks × levels) once per block and kept between. Numbers are stored as {@code float} offsets
 * from a {@code double} (a block's minimum, the open block's first value), so a signal far from zero
 * keeps seven significant digits of its spread. Bounded memory: per block a double and a float per kept
 * level above 0 and for its mean, plus the open block: levels 0, 0.01, 0.99, 1 over 4032 values take
 * about 500 bytes. The blocks' arrays grow with the blocks (1, 2, 4, … up to {@code blocks}): a window
 * that has not filled a block yet holds only its open block.
 */
final class BlockQuantiles implements QuantileWindow {

  static final int MAX_BLOCKS = 16;

  /**
   * The window's contents for snapshots.
   *
   * @param minimums each full block's smallest value, oldest first
   * @param levels each full block's values at the kept levels above 0, as offsets from its minimum,
   *     oldest block first
   * @param means each full block's mean, as an offset from its minimum, oldest first
   * @param openCount values in the block being filled
   * @param openAnchor its first value (0 when it is empty)
   * @param openSum the sum of its values' offsets from {@code openAnchor}
   * @param open what it keeps of them, as offsets from {@code openAnchor} ({@link OpenBlock#keptValues})
   */
  record State(double[] minimums, float[] levels, float[] means, int openCount, double openAnchor, double openSum,
      float[] open) implements QuantileWindow.State {}

  private static final double[] NO_DOUBLES = {};
  private static final float[] NO_FLOATS = {};

  /** The kept levels, ascending: shared by every window with the same probabilities, never written. */
  private final double[] kept;
  private final int blocks;
  private double[] minimums = NO_DOUBLES;
  private float[] levels = NO_FLOATS;
  private float[] means = NO_FLOATS;
  private final OpenBlock open;
  private double[] answers = NO_DOUBLES;
  private double mean = Double.NaN;
  private int oldest;
  private int full;

  /**
   * A window of the last {@code blocks} full blocks of {@code blockSize} values, answering at
   * {@code probabilities} (each in [0, 1]).
   */
  BlockQuantiles(int blocks, int blockSize, double... probabilities) {
    if (blocks < 1 || blockSize < 2) {
      throw new IllegalArgumentException(
          "a block window needs a block of at least 2 values, was " + blocks + " of " + blockSize);
    }
    kept = KeptLevels.of(probabilities);
    this.blocks = blocks;
    open = new OpenBlock(blockSize, lowRanksRead(kept, blockSize), highRanksRead(kept, blockSize));
  }

  /** About the last {@code window} values (at least {@value #MAX_BLOCKS} · 2): the fewest equal blocks, at most 16. */
  static BlockQuantiles forWindow(int window, double... probabilities) {
    int blockSize = (window + MAX_BLOCKS - 1) / MAX_BLOCKS;
    return new BlockQuantiles((window + blockSize - 1) / blockSize, blockSize, probabilities);
  }

  static BlockQuantiles restore(int window, State state, double... probabilities) {
    BlockQuantiles restored = forWindow(window, probabilities);
    int blocks = state.minimums().length;
    int perBlock = restored.kept.length - 1;
    if (blocks > restored.blocks || state.levels().length != blocks * perBlock
        || state.means().length != blocks) {
      throw new IllegalArgumentException("a state of " + blocks + " blocks of " + state.levels().length
          + " levels does not fit " + restored.blocks + " blocks of " + perBlock);
    }
    restored.minimums = state.minimums().clone();
    restored.levels = state.levels().clone();
    restored.means = state.means().clone();
    restored.open.restore(state.open(), state.openAnchor(), state.openSum(), state.openCount());
    restored.full = blocks;
    restored.answer();
    return restored;
  }

  int blockSize() {
    return open.size();
  }

  @Override
  public void add(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a window holds numbers, not NaN");
    }
    open.add(value);
    if (open.isFull()) {
      closeBlock();
    }
  }

  @Override
  public int size() {
    return full * open.size();
  }

  @Override
  public double quantile(double p) {
    if (full == 0) {
      throw new IllegalStateException("the window has no full block yet");
    }
    int level = Arrays.binarySearch(kept, p);
    if (level < 0) {
      throw new IllegalArgumentException("this window answers at " + Arrays.toString(kept) + ", not at " + p);
    }
    return answers[level];
  }

  /** The mean of the full blocks (a block's median would need every value of it). */
  @Override
  public double centre() {
    if (full == 0) {
      throw new IllegalStateException("the window has no full block yet");
    }
    return mean;
  }

  @Override
  public String centreName() {
    return "mean";
  }

  @Override
  public State state() {
    int perBlock = kept.length - 1;
    double[] blockMinimums = new double[full];
    float[] blockLevels = new float[full * perBlock];
    float[] blockMeans = new float[full];
    for (int i = 0; i < full; i++) {
      int block = (oldest + i) % minimums.length;
      blockMinimums[i] = minimums[block];
      blockMeans[i] = means[block];
      System.arraycopy(levels, block * perBlock, blockLevels, i * perBlock, perBlock);
    }
    return new State(blockMinimums, blockLevels, blockMeans, open.count(), open.anchor(), open.offsetSum(),
        open.keptValues());
  }

  /** Up to which rank the levels up to 0.5 read ({@link Quantiles#ofSorted} reads around p · (n − 1)). */
  private static int lowRanksRead(double[] kept, int size) {
    int rank = 0;
    for (double p : kept) {
      if (p <= 0.5) {
        rank = Math.max(rank, (int) Math.ceil(p * (size - 1)));
      }
    }
    return rank;
  }

  /** From which rank on the levels above 0.5 read. */
  private static int highRanksRead(double[] kept, int size) {
    int rank = size - 1;
    for (double p : kept) {
      if (p > 0.5) {
        rank = Math.min(rank, (int) Math.floor(p * (size - 1)));
      }
    }
    return rank;
  }

  private void closeBlock() {
    double[] byRank = open.orderStatistics();
    if (full == blocks) {
      oldest = (oldest + 1) % blocks;
      full--;
    } else if (full == minimums.length) {
      grow();
    }
    int block = (oldest + full) % minimums.length;
    int perBlock = kept.length - 1;
    double minimum = byRank[0];
    minimums[block] = minimum;
    for (int level = 1; level < kept.length; level++) {
      levels[block * perBlock + level - 1] = (float) (Quantiles.ofSorted(byRank, byRank.length, kept[level]) - minimum);
    }
    means[block] = (float) (open.mean() - minimum);
    full++;
    open.clear();
    answer();
  }

  /** Room for more blocks, while the oldest is still the first (nothing has left the window yet). */
  private void grow() {
    int capacity = Math.min(blocks, Math.max(1, 2 * minimums.length));
    minimums = Arrays.copyOf(minimums, capacity);
    levels = Arrays.copyOf(levels, capacity * (kept.length - 1));
    means = Arrays.copyOf(means, capacity);
  }

  /** Recomputes the mean and the answers at every kept level from the full blocks. */
  private void answer() {
    if (full == 0) {
      return;
    }
    double total = 0;
    double[] breakpoints = new double[full * kept.length];
    for (int i = 0; i < full; i++) {
      int block = (oldest + i) % minimums.length;
      total += minimums[block] + means[block];
      for (int level = 0; level < kept.length; level++) {
        breakpoints[i * kept.length + level] = value(block, level);
      }
    }
    mean = total / full;
    Arrays.sort(breakpoints);
    if (answers.length == 0) {
      answers = new double[kept.length];
    }
    for (int level = 0; level < kept.length; level++) {
      answers[level] = mixtureQuantile(kept[level], breakpoints);
    }
  }

  /**
   * Where the mixture reaches p: the first breakpoint at which it is at least p, or, when it only gets
   * there by rising linearly from the breakpoint before, the point on that line.
   */
  private double mixtureQuantile(double p, double[] breakpoints) {
    int lo = 0;
    int hi = breakpoints.length - 1; // the mixture is 1 at the largest breakpoint
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (fraction(breakpoints[mid], false) >= p) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    if (lo == 0) {
      return breakpoints[0];
    }
    double below = breakpoints[lo - 1];
    double at = breakpoints[lo];
    double fractionBelow = fraction(below, false);
    double fractionJustBefore = fraction(at, true);
    return fractionJustBefore >= p
        ? below + (p - fractionBelow) / (fractionJustBefore - fractionBelow) * (at - below)
        : at;
  }

  /** The mixture's fraction at or below x (or just below x: {@code strictlyBelow}). */
  private double fraction(double x, boolean strictlyBelow) {
    double total = 0;
    for (int i = 0; i < full; i++) {
      total += blockFraction((oldest + i) % minimums.length, x, strictlyBelow);
    }
    return total / full;
  }

  private double blockFraction(int block, double x, boolean strictlyBelow) {
    int below = -1;
    for (int level = 0; level < kept.length; level++) {
      double v = value(block, level);
      if (strictlyBelow ? v < x : v <= x) {
        below = level;
      } else {
        break;
      }
    }
    if (below < 0) {
      return 0;
    }
    if (below == kept.length - 1) {
      return 1;
    }
    double from = value(block, below);
    double to = value(block, below + 1);
    return kept[below] + (kept[below + 1] - kept[below]) * (x - from) / (to - from);
  }

  private double value(int block, int level) {
    return level == 0 ? minimums[block] : minimums[block] + levels[block * (kept.length - 1) + level - 1];
  }
}
