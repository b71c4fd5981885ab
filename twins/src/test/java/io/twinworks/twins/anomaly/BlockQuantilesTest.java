package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockQuantilesTest {

  /** Two blocks of eleven, answering at 0.1 and 0.9 (each block keeps its 0, 10 %, 90 % and 100 % values). */
  private static BlockQuantiles twoBlocksOfEleven(double[]... blocks) {
    BlockQuantiles window = new BlockQuantiles(2, 11, 0.1, 0.9);
    for (double[] block : blocks) {
      for (double value : block) {
        window.add(value);
      }
    }
    return window;
  }

  private static final double[] ZERO_TO_TEN = {5, 3, 10, 0, 7, 1, 9, 2, 8, 4, 6};
  private static final double[] TEN_TO_TWENTY = {20, 10, 15, 11, 19, 12, 18, 13, 17, 14, 16};
  private static final double[] HUNDRED_TO_110 = {104, 110, 100, 108, 101, 109, 102, 107, 103, 106, 105};

  @Test
  void oneBlockGivesItsOwnQuantiles() {
    BlockQuantiles window = twoBlocksOfEleven(ZERO_TO_TEN);
    assertEquals(11, window.size());
    assertEquals(1, window.quantile(0.1)); // type 7: h = 0.1 · 10 = 1 → the second smallest
    assertEquals(9, window.quantile(0.9)); // h = 9
    assertEquals(5, window.centre()); // the mean
  }

  @Test
  void blocksAreMixedLinearlyBetweenTheirKeptLevels() {
    BlockQuantiles window = twoBlocksOfEleven(ZERO_TO_TEN, TEN_TO_TWENTY);
    // kept: block A 0 1 9 10 at levels 0 .1 .9 1, block B 10 11 19 20
    // between 1 and 9 block A rises linearly from .1 to .9 and B is 0: (0.1 · x) / 2 = 0.1 at x = 2
    assertEquals(2, window.quantile(0.1), 1e-12); // exact would be 2.1: h = 0.1 · 21 = 2.1
    // between 11 and 19 A is 1 and B rises from .1 to .9: (1 + 0.1 + 0.1 · (x − 11)) / 2 = 0.9 at x = 18
    assertEquals(18, window.quantile(0.9), 1e-12); // exact: 17.9
    assertEquals(10, window.centre()); // (5 + 15) / 2
  }

  @Test
  void theOldestBlockLeavesAndTheOpenOneIsNotCountedYet() {
    BlockQuantiles window = twoBlocksOfEleven(ZERO_TO_TEN, TEN_TO_TWENTY, HUNDRED_TO_110);
    // blocks B (10 11 19 20) and C (100 101 109 110): between 11 and 19, B / 2 = 0.1 where B = 0.2, x = 12
    assertEquals(12, window.quantile(0.1), 1e-12);
    // Error bound: 12 lies in B between its levels .1 and .9 (gap .8) and below C (gap 0): mean gap .4,
    // plus 1/11. Of the 22 values, 3 (10 11 12) are at or below 12: 0.136, within 0.1 ± 0.49.
    assertEquals(60, window.centre()); // (15 + 105) / 2
    window.add(1000);
    window.add(-1000);
    assertEquals(12, window.quantile(0.1), 1e-12);
    assertEquals(22, window.size());
  }

  @Test
  void nothingIsAnsweredBeforeTheFirstBlockIsFull() {
    BlockQuantiles window = twoBlocksOfEleven(new double[] {1, 2, 3});
    assertEquals(0, window.size());
    assertThrows(IllegalStateException.class, () -> window.quantile(0.1));
  }

  @Test
  void onlyTheProbabilitiesAskedForAreAnswered() {
    BlockQuantiles window = twoBlocksOfEleven(ZERO_TO_TEN);
    assertThrows(IllegalArgumentException.class, () -> window.quantile(0.5));
    assertEquals(0, window.quantile(0)); // the minimum and the maximum are always kept
    assertEquals(10, window.quantile(1));
  }

  /** The bound of the class comment, on a drifting, noisy, spiky series with tail and middle levels. */
  @Test
  void answersStayWithinTheWrittenErrorBound() {
    double[] probabilities = {0.01, 0.25, 0.5, 0.99};
    BlockQuantiles window = new BlockQuantiles(16, 50, probabilities);
    List<double[]> blocks = new ArrayList<>();
    Random random = new Random(5);
    double[] block = new double[50];
    for (int i = 0; i < 50 * 40; i++) {
      double value = 0.01 * i + 10 * Math.sin(i / 40.0) + random.nextGaussian() + (i % 97 == 0 ? 30 : 0);
      window.add(value);
      block[i % 50] = value;
      if (i % 50 == 49) {
        blocks.add(block.clone());
        if (blocks.size() > 16) {
          blocks.remove(0);
        }
        for (double p : probabilities) {
          assertWithinBound(window, blocks, p);
        }
      }
    }
  }

  private static void assertWithinBound(BlockQuantiles window, List<double[]> blocks, double p) {
    double answer = window.quantile(p);
    BlockQuantiles.State state = window.state();
    double[] levels = {0, 0.01, 0.25, 0.5, 0.99, 1};
    double gaps = 0;
    long atOrBelow = 0;
    long below = 0;
    for (int b = 0; b < blocks.size(); b++) {
      double[] kept = new double[levels.length];
      kept[0] = state.minimums()[b];
      for (int level = 1; level < levels.length; level++) {
        kept[level] = state.minimums()[b] + state.levels()[b * (levels.length - 1) + level - 1];
      }
      for (int level = 0; level + 1 < levels.length; level++) {
        if (kept[level] <= answer && answer < kept[level + 1]) {
          gaps += levels[level + 1] - levels[level];
        }
      }
      atOrBelow += Arrays.stream(blocks.get(b)).filter(v -> v <= answer).count();
      below += Arrays.stream(blocks.get(b)).filter(v -> v < answer).count();
    }
    double bound = gaps / blocks.size() + 1.0 / 50;
    double n = 50.0 * blocks.size();
    assertTrue(atOrBelow / n >= p - bound && below / n <= p + bound,
        "p " + p + ": " + answer + " has " + atOrBelow + " at or below and " + below + " below of " + n
            + ", bound " + bound);
  }

  @Test
  void aRestoredCopyContinuesWithTheSameBits() {
    for (double[] probabilities : new double[][] {{0.01, 0.99}, {0.5}}) { // tails kept, every value kept
      BlockQuantiles original = BlockQuantiles.forWindow(4032, probabilities);
      Random random = new Random(2);
      for (int i = 0; i < 3000; i++) { // 11 blocks of 252 and 228 values open
        original.add(random.nextGaussian() + 1e9);
      }
      BlockQuantiles copy = BlockQuantiles.restore(4032, original.state(), probabilities);
      for (int i = 0; i < 3000; i++) {
        double x = random.nextGaussian() * 2 + 1e9;
        original.add(x);
        copy.add(x);
        for (double p : probabilities) {
          assertEquals(Double.doubleToLongBits(original.quantile(p)), Double.doubleToLongBits(copy.quantile(p)));
        }
        assertEquals(Double.doubleToLongBits(original.centre()), Double.doubleToLongBits(copy.centre()));
      }
    }
  }

  @Test
  void aStateOfOtherSettingsIsRefused() {
    BlockQuantiles window = BlockQuantiles.forWindow(4032, 0.01, 0.99);
    for (int i = 0; i < 100; i++) {
      window.add(i);
    }
    // the open block kept its 4 smallest and 4 largest values; a median needs all 100
    assertThrows(IllegalArgumentException.class, () -> BlockQuantiles.restore(4032, window.state(), 0.5));
    for (int i = 0; i < 200; i++) {
      window.add(i);
    }
    // a full block kept 3 levels above 0; 0.1, 0.5 and 0.9 need 4
    assertThrows(IllegalArgumentException.class, () -> BlockQuantiles.restore(4032, window.state(), 0.1, 0.5, 0.9));
  }
}
