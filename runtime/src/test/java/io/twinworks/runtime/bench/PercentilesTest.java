package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Percentiles in ms of an HdrHistogram in µs: three significant digits, a value reported as its bucket's highest. */
class PercentilesTest {

  @Test
  void ofOneToOneHundredMilliseconds() {
    Histogram micros = new Histogram(Percentiles.DIGITS);
    for (int ms = 100; ms >= 1; ms--) {
      micros.recordValue(ms * 1_000L);
    }
    Percentiles p = Percentiles.ofMicros(micros);
    assertEquals(100, p.count());
    // Buckets hold 2048 values each; 50,000 µs lies in the one of 32 µs width (32,768..65,535):
    // 50,000 / 32 = 1,562.5 → bucket 1,562 × 32 = 49,984 .. 50,015 → reported 50.015 ms.
    assertEquals(50.015, p.p50(), 1e-9);
    // 95,000 and 99,000 lie in 64 µs buckets (65,536..131,071): 1,484 × 64 = 94,976 + 63 = 95,039;
    // 1,546 × 64 = 98,944 + 63 = 99,007; the maximum 100,000: 1,562 × 64 = 99,968 + 63 = 100,031.
    assertEquals(95.039, p.p95(), 1e-9);
    assertEquals(99.007, p.p99(), 1e-9);
    assertEquals(100.031, p.max(), 1e-9);
  }

  @Test
  void smallValuesAreExact() {
    Histogram micros = new Histogram(Percentiles.DIGITS);
    micros.recordValue(700);   // below 2,048 µs every value has its own bucket
    micros.recordValue(1_500);
    Percentiles p = Percentiles.ofMicros(micros);
    assertEquals(0.7, p.p50(), 1e-9); // rank ceil(0.5 × 2) = 1 → 700 µs
    assertEquals(1.5, p.p99(), 1e-9);
    assertEquals(1.5, p.max(), 1e-9);
  }

  @Test
  void withoutSamplesEveryPercentileIsNaN() {
    Percentiles none = Percentiles.ofMicros(new Histogram(Percentiles.DIGITS));
    assertEquals(0, none.count());
    assertTrue(Double.isNaN(none.p50()));
    assertTrue(Double.isNaN(none.max()));
  }
}
