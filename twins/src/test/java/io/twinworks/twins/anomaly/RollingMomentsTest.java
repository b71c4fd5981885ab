package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RollingMomentsTest {

  @Test
  void meanAndSampleStdOfTheWindow() {
    RollingMoments m = new RollingMoments(4);
    for (double x : new double[] {2, 4, 4, 4}) {
      m.add(x);
    }
    assertEquals(3.5, m.mean()); // 14 / 4
    assertEquals(1.0, m.std(), 1e-12); // (2.25 + 3 · 0.25) / 3 = 1
    m.add(5); // 2 leaves: 4 4 4 5
    assertEquals(4.25, m.mean(), 1e-12); // 17 / 4
    assertEquals(0.5, m.std(), 1e-12); // (3 · 0.0625 + 0.5625) / 3 = 0.25
  }

  @Test
  void aLargeOffsetKeepsItsPrecision() {
    RollingMoments m = new RollingMoments(3);
    for (int i = 0; i < 10; i++) {
      m.add(1e12 + i % 3); // windows of 1e12 + {0, 1, 2} in some order
      if (i >= 2) {
        assertEquals(1.0, m.std(), 1e-9, "after " + i); // deviations −1 0 1: 2 / 2
      }
    }
  }

  @Test
  void aRestoredCopyContinuesWithTheSameBits() {
    RollingMoments original = new RollingMoments(7);
    for (int i = 0; i < 11; i++) {
      original.add(Math.sin(i) * 100 + 0.1 * i);
    }
    RollingMoments copy = RollingMoments.restore(7, original.state());
    for (int i = 11; i < 40; i++) { // across several rebuilds
      double x = Math.cos(i) * 3 + 1e6;
      original.add(x);
      copy.add(x);
      assertEquals(Double.doubleToLongBits(original.mean()), Double.doubleToLongBits(copy.mean()));
      assertEquals(Double.doubleToLongBits(original.std()), Double.doubleToLongBits(copy.std()));
    }
  }
}
