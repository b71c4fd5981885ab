package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: always a measured value, at rank ceil(p/100 · n). */
class PercentilesTest {

  @Test
  void ofOneToOneHundred() {
    double[] sample = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray(); // 100 .. 1, unsorted
    Percentiles p = Percentiles.of(sample);
    assertEquals(100, p.count());
    assertEquals(50, p.p50()); // rank ceil(0.50 · 100) = 50 → 50
    assertEquals(95, p.p95()); // rank ceil(0.95 · 100) = 95 → 95
    assertEquals(99, p.p99()); // rank ceil(0.99 · 100) = 99 → 99
    assertEquals(100, p.max());
  }

  @Test
  void ofASmallSample() {
    Percentiles p = Percentiles.of(new double[] {40, 10, 30, 20});
    assertEquals(20, p.p50()); // rank ceil(0.5 · 4) = 2 → 20
    assertEquals(40, p.p95()); // rank ceil(0.95 · 4) = ceil(3.8) = 4 → 40
    assertEquals(40, p.p99()); // rank ceil(3.96) = 4 → 40
    assertEquals(40, p.max());
  }

  @Test
  void ofOneValueAndOfNone() {
    Percentiles one = Percentiles.of(new double[] {7});
    assertEquals(7, one.p50()); // rank ceil(0.5 · 1) = 1
    assertEquals(7, one.p99());
    Percentiles none = Percentiles.of(new double[0]);
    assertEquals(0, none.count());
    assertTrue(Double.isNaN(none.p50()));
  }

  @Test
  void aPercentileOutsideTheRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Percentiles.rank(new double[] {1}, 0));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.rank(new double[] {1}, 101));
  }
}
