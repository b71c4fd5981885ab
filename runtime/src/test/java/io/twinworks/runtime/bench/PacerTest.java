package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How many readings a paced publisher may have issued a given time after its start. */
class PacerTest {

  @Test
  void allowsTheRateTimesTheElapsedTimeRoundedDown() {
    Pacer pacer = new Pacer(3_000);
    assertEquals(0, pacer.allowance(0));
    assertEquals(0, pacer.allowance(333_000)); // 0.000333 s × 3,000 = 0.999 → 0
    assertEquals(1, pacer.allowance(333_334)); // 0.000333334 s × 3,000 = 1.000002 → 1
    assertEquals(3, pacer.allowance(1_000_000)); // 1 ms × 3,000/s = 3
    assertEquals(7_500, pacer.allowance(2_500_000_000L)); // 2.5 s × 3,000/s
    assertEquals(10_800_000, pacer.allowance(3_600_000_000_000L)); // an hour: 3,600 s × 3,000/s
  }

  @Test
  void aFractionalRateAddsUpOverTime() {
    Pacer pacer = new Pacer(2.5);
    assertEquals(2, pacer.allowance(1_000_000_000L)); // 2.5 → 2
    assertEquals(25, pacer.allowance(10_000_000_000L)); // 10 s × 2.5/s
  }

  @Test
  void unpacedAllowsEverything() {
    assertEquals(Long.MAX_VALUE, new Pacer(0).allowance(0));
    assertEquals(Long.MAX_VALUE, new Pacer(0).allowance(1_000_000_000L));
  }

  @Test
  void aNegativeOrEndlessRateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Pacer(-1));
    assertThrows(IllegalArgumentException.class, () -> new Pacer(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new Pacer(Double.NaN));
  }
}
