package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpenBlockTest {

  @Test
  void keepsOnlyTheSmallestAndLargestItNeeds() {
    OpenBlock block = new OpenBlock(10, 1, 8); // ranks 0..1 and 8..9
    assertFalse(block.keepsEveryValue());
    for (double x : new double[] {5, 3, 9, 1, 7, 2, 8, 6, 4, 10}) {
      block.add(x);
    }
    assertTrue(block.isFull());
    assertEquals(5.5, block.mean()); // 55 / 10
    double[] byRank = block.orderStatistics(); // sorted 1 .. 10
    assertEquals(1, byRank[0]);
    assertEquals(2, byRank[1]);
    assertTrue(Double.isNaN(byRank[2]), "not kept");
    assertEquals(9, byRank[8]);
    assertEquals(10, byRank[9]);
    // as offsets from the first value, 5: the two smallest, then the two largest, each ascending
    assertArrayEquals(new float[] {-4, -3, 4, 5}, block.keptValues());
  }

  @Test
  void keepsEveryValueWhenARankNearTheMiddleIsNeeded() {
    assertTrue(new OpenBlock(252, 126, 125).keepsEveryValue()); // a median
    assertTrue(new OpenBlock(252, OpenBlock.MAX_TAIL, 251).keepsEveryValue()); // 17 smallest: over the tail limit
    assertTrue(new OpenBlock(6, 2, 3).keepsEveryValue()); // 3 + 3 kept would be the whole block
    // 1 % and 99 % of 252: h = 2.51 and 248.49, so ranks 0..3 and 248..251: 4 + 4 kept
    assertFalse(new OpenBlock(252, 3, 248).keepsEveryValue());
  }

  @Test
  void agreesWithSortingOnTiesAndAnyOrder() {
    Random random = new Random(8);
    for (int round = 0; round < 200; round++) {
      OpenBlock block = new OpenBlock(40, 3, 35);
      double[] values = new double[40];
      for (int i = 0; i < 40; i++) {
        values[i] = Math.round(random.nextGaussian() * 3) + 1e6; // many ties, far from zero
        block.add(values[i]);
      }
      Arrays.sort(values);
      double[] byRank = block.orderStatistics();
      for (int rank : new int[] {0, 1, 2, 3, 35, 36, 37, 38, 39}) {
        assertEquals(values[rank], byRank[rank], "rank " + rank + " in round " + round);
      }
    }
  }

  @Test
  void aRestoredBlockContinuesToTheSameOrderStatistics() {
    OpenBlock original = new OpenBlock(40, 3, 35);
    Random random = new Random(4);
    for (int i = 0; i < 25; i++) {
      original.add(random.nextGaussian());
    }
    OpenBlock copy = new OpenBlock(40, 3, 35);
    copy.restore(original.keptValues(), original.anchor(), original.offsetSum(), original.count());
    for (int i = 25; i < 40; i++) {
      double x = random.nextGaussian();
      original.add(x);
      copy.add(x);
    }
    assertArrayEquals(original.orderStatistics(), copy.orderStatistics());
    assertEquals(original.mean(), copy.mean());
  }

  @Test
  void aSnapshotThatDoesNotFitIsRefused() {
    OpenBlock block = new OpenBlock(40, 3, 35);
    assertThrows(IllegalArgumentException.class, () -> block.restore(new float[5], 0, 0, 20)); // 20 values keep 4 + 5
    assertThrows(IllegalArgumentException.class, () -> block.restore(new float[9], 0, 0, 40)); // a full block is closed
  }
}
