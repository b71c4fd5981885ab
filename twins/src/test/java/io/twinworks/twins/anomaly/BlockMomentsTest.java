package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockMomentsTest {

  @Test
  void meanAndSampleStdOverTheFullBlocksAndTheOpenOne() {
    BlockMoments m = new BlockMoments(2, 2);
    for (double x : new double[] {1, 3, 5, 7, 10}) { // blocks {1, 3} {5, 7}, open {10}
      m.add(x);
    }
    assertEquals(5, m.size());
    assertEquals(5.2, m.mean(), 1e-12); // 26 / 5
    // deviations −4.2 −2.2 −0.2 1.8 4.8 → squares 17.64 + 4.84 + 0.04 + 3.24 + 23.04 = 48.8 → / 4 = 12.2
    assertEquals(Math.sqrt(12.2), m.std(), 1e-12);
  }

  @Test
  void theOldestBlockLeavesWhenANewOneIsFull() {
    BlockMoments m = new BlockMoments(2, 2);
    for (double x : new double[] {1, 3, 5, 7, 10, 11}) { // {10, 11} is full: {1, 3} leaves
      m.add(x);
    }
    assertEquals(4, m.size());
    assertEquals(8.25, m.mean(), 1e-12); // (5 + 7 + 10 + 11) / 4
    // deviations −3.25 −1.25 1.75 2.75 → 10.5625 + 1.5625 + 3.0625 + 7.5625 = 22.75 → / 3
    assertEquals(Math.sqrt(22.75 / 3), m.std(), 1e-12);
  }

  @Test
  void aWindowOfSixteenOrLessIsExact() {
    BlockMoments m = BlockMoments.forWindow(7);
    assertEquals(1, m.blockSize());
    Deque<Double> naive = new ArrayDeque<>();
    Random random = new Random(3);
    for (int i = 0; i < 100; i++) {
      double x = random.nextGaussian() * 5 + 20;
      m.add(x);
      naive.addLast(x);
      if (naive.size() > 7) {
        naive.removeFirst();
      }
      double mean = naive.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double squares = naive.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
      assertEquals(mean, m.mean(), 1e-12);
      assertEquals(naive.size() < 2 ? 0 : Math.sqrt(squares / (naive.size() - 1)), m.std(), 1e-12);
    }
  }

  @Test
  void aLongWindowIsSixteenBlocks() {
    BlockMoments m = BlockMoments.forWindow(4032);
    assertEquals(252, m.blockSize()); // 4032 / 16
    for (int i = 0; i < 5000; i++) {
      m.add(i);
    }
    // 4788 = 19 · 252 values made full blocks, the last 16 of them kept: 756 .. 4787, and 4788 .. 4999 open
    assertEquals(4032 + 212, m.size());
    assertEquals((756 + 4999) / 2.0, m.mean(), 1e-9);
  }

  @Test
  void aLargeOffsetKeepsItsPrecision() {
    BlockMoments m = new BlockMoments(16, 3);
    for (int i = 0; i < 48; i++) {
      m.add(1e12 + i % 3); // 16 blocks of {0, 1, 2}: mean 1, squares 2 each
    }
    assertEquals(1e12 + 1, m.mean());
    assertEquals(Math.sqrt(32.0 / 47), m.std(), 1e-9); // 16 · 2 = 32 over 48 − 1
  }

  @Test
  void aRestoredCopyContinuesWithTheSameBits() {
    BlockMoments original = BlockMoments.forWindow(100); // 15 blocks of 7
    Random random = new Random(9);
    for (int i = 0; i < 250; i++) { // ends inside a block
      original.add(random.nextGaussian() * 3 + 1e6);
    }
    BlockMoments copy = BlockMoments.restore(100, original.state());
    for (int i = 0; i < 300; i++) {
      double x = Math.cos(i) * 3 + 1e6;
      original.add(x);
      copy.add(x);
      assertEquals(Double.doubleToLongBits(original.mean()), Double.doubleToLongBits(copy.mean()));
      assertEquals(Double.doubleToLongBits(original.std()), Double.doubleToLongBits(copy.std()));
    }
  }

  @Test
  void aStateOfOtherBlocksIsRefused() {
    BlockMoments.State state = BlockMoments.forWindow(4032).state();
    BlockMoments.State tooManyInTheOpenBlock = new BlockMoments.State(state.means(), state.squares(), 300, 0, 0);
    assertThrows(IllegalArgumentException.class, () -> BlockMoments.restore(4032, tooManyInTheOpenBlock));
    BlockMoments.State tooManyBlocks = new BlockMoments.State(new double[17], new double[17], 0, 0, 0);
    assertThrows(IllegalArgumentException.class, () -> BlockMoments.restore(4032, tooManyBlocks));
  }
}
