package io.twinworks.twins.anomaly;

import java.util.Arrays;

/**
 * Mean and sample standard deviation of about the last {@code window} values, in O(1) per value and
 * without keeping the values: they are summed up in blocks of {@code blockSize}. The last {@code blocks}
 * full blocks are kept (each as its mean and sum of squared deviations, M2) together with the block being
 * filled, so a full window holds between {@code blocks · blockSize} and {@code blocks · blockSize +
 * blockSize − 1} values and moves a block at a time. A window of up to {@link #MAX_BLOCKS} values has
 * blocks of one value: exact.
 *
 * <p>Welford's update inside a block and Chan et al.'s pairwise combination across blocks are
 * numerically stable at any offset (a signal at 1e12 ± 1 keeps its variance). The full blocks' total is
 * recomputed, oldest first, when a block is added, so it never accumulates rounding and a restored copy
 * continues with the same bits. Bounded memory: 16 bytes per block, at most {@link #MAX_BLOCKS} blocks; the
 * blocks' arrays grow with the blocks (1, 2, 4, … up to {@code blocks}), so a window that has not filled a
 * block yet holds none.
 */
final class BlockMoments {

  /** Blocks kept at most: a window of 4032 values is 16 blocks of 252. */
  static final int MAX_BLOCKS = 16;

  /**
   * The moments for snapshots.
   *
   * @param means the full blocks' means, oldest first
   * @param squares the full blocks' sums of squared deviations from their means, oldest first
   * @param openCount values in the block being filled
   * @param openMean their mean (0 when none)
   * @param openSquares their sum of squared deviations from it
   */
  record State(double[] means, double[] squares, int openCount, double openMean, double openSquares) {}

  private static final double[] NO_BLOCKS = {};

  private final int blockSize;
  private final int blocks;
  private double[] means = NO_BLOCKS;
  private double[] squares = NO_BLOCKS;
  private int oldest;
  private int full;
  private int openCount;
  private double openMean;
  private double openSquares;
  private long fullCount;
  private double fullMean;
  private double fullSquares;

  BlockMoments(int blocks, int blockSize) {
    if (blocks < 1 || blockSize < 1) {
      throw new IllegalArgumentException("moments need at least one block of one value, was " + blocks + " of "
          + blockSize);
    }
    this.blockSize = blockSize;
    this.blocks = blocks;
  }

  /** Moments over about the last {@code window} values: the fewest equal blocks, at most {@link #MAX_BLOCKS}. */
  static BlockMoments forWindow(int window) {
    int blockSize = (window + MAX_BLOCKS - 1) / MAX_BLOCKS;
    return new BlockMoments((window + blockSize - 1) / blockSize, blockSize);
  }

  static BlockMoments restore(int window, State state) {
    BlockMoments moments = forWindow(window);
    int blocks = state.means().length;
    if (blocks > moments.blocks || state.squares().length != blocks) {
      throw new IllegalArgumentException("a state of " + blocks + " blocks does not fit " + moments.blocks);
    }
    if (state.openCount() < 0 || state.openCount() >= moments.blockSize) {
      throw new IllegalArgumentException(
          "a block of " + state.openCount() + " values does not fit blocks of " + moments.blockSize);
    }
    moments.means = state.means().clone();
    moments.squares = state.squares().clone();
    moments.full = blocks;
    moments.openCount = state.openCount();
    moments.openMean = state.openMean();
    moments.openSquares = state.openSquares();
    moments.sumFullBlocks();
    return moments;
  }

  int blockSize() {
    return blockSize;
  }

  /** How many values the moments are over. */
  long size() {
    return fullCount + openCount;
  }

  void add(double value) {
    openCount++;
    double delta = value - openMean;
    openMean += delta / openCount;
    openSquares += delta * (value - openMean);
    if (openCount == blockSize) {
      closeBlock();
    }
  }

  /** The mean, NaN without values. */
  double mean() {
    if (openCount == 0) {
      return fullCount == 0 ? Double.NaN : fullMean;
    }
    return fullMean + (openMean - fullMean) * openCount / size();
  }

  /** The sample standard deviation (n − 1), 0 below two values. */
  double std() {
    long n = size();
    if (n < 2) {
      return 0;
    }
    double delta = openMean - fullMean;
    double squaresOfAll = openCount == 0 ? fullSquares
        : fullSquares + openSquares + delta * delta * ((double) fullCount * openCount / n);
    double variance = squaresOfAll / (n - 1);
    return variance > 0 ? Math.sqrt(variance) : 0;
  }

  State state() {
    double[] blockMeans = new double[full];
    double[] blockSquares = new double[full];
    for (int i = 0; i < full; i++) {
      blockMeans[i] = means[(oldest + i) % means.length];
      blockSquares[i] = squares[(oldest + i) % means.length];
    }
    return new State(blockMeans, blockSquares, openCount, openMean, openSquares);
  }

  private void closeBlock() {
    if (full == blocks) {
      oldest = (oldest + 1) % blocks;
      full--;
    } else if (full == means.length) {
      grow();
    }
    int slot = (oldest + full) % means.length;
    means[slot] = openMean;
    squares[slot] = openSquares;
    full++;
    openCount = 0;
    openMean = 0;
    openSquares = 0;
    sumFullBlocks();
  }

  /** Room for more blocks, while the oldest is still the first (nothing has left the window yet). */
  private void grow() {
    int capacity = Math.min(blocks, Math.max(1, 2 * means.length));
    means = Arrays.copyOf(means, capacity);
    squares = Arrays.copyOf(squares, capacity);
  }

  /** The full blocks combined, oldest first (Chan et al.: every block has {@code blockSize} values). */
  private void sumFullBlocks() {
    fullCount = 0;
    fullMean = 0;
    fullSquares = 0;
    for (int i = 0; i < full; i++) {
      int slot = (oldest + i) % means.length;
      long n = fullCount + blockSize;
      double delta = means[slot] - fullMean;
      fullMean += delta * blockSize / n;
      fullSquares += squares[slot] + delta * delta * ((double) fullCount * blockSize / n);
      fullCount = n;
    }
  }
}
