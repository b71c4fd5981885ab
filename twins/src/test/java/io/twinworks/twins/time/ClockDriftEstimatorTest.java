package io.twinworks.twins.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.time.ClockDriftEstimator.Estimate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockDriftEstimatorTest {

  private static final ClockDriftSettings ONE_SECOND_BUCKETS = new ClockDriftSettings(false, Duration.ofSeconds(1), 3, 3);

  @Test
  void fitsTheSmallestDelayOfEachBucketNotTheDelaysAbove() {
    ClockDriftEstimator estimator = new ClockDriftEstimator(ONE_SECOND_BUCKETS);
    // (source, receive) in µs; per bucket of receive time the smallest receive − source counts:
    estimator.observe(0, 1_000);                  // bucket 0: 1000
    estimator.observe(500_000, 505_000);          // bucket 0: 5000, ignored
    estimator.observe(1_000_000, 1_000_990);      // bucket 1: 990
    estimator.observe(1_200_000, 1_230_000);      // bucket 1: 30000, ignored
    estimator.observe(2_000_000, 2_000_980);      // bucket 2: 980
    Estimate estimate = estimator.estimate();
    // the minima fall by 10 µs per second of source time: slope −10e-6, the source gains 10 ppm;
    // at the newest source time, 2 s, the line is at 980 µs = 0.98 ms
    assertTrue(estimate.valid());
    assertEquals(10.0, estimate.driftPpm(), 1e-9);
    assertEquals(0.98, estimate.offsetMillis(), 1e-9);
    assertEquals(5, estimate.samples());
    // at 3 s the line is at 980 − 10 = 970 µs
    assertEquals(3_000_970L, estimator.correct(3_000_000));
  }

  @Test
  void isNotValidAndCorrectsNothingBeforeItHasEnoughBuckets() {
    ClockDriftEstimator estimator = new ClockDriftEstimator(ONE_SECOND_BUCKETS);
    estimator.observe(0, 2_000_000);
    estimator.observe(1_000_000, 3_000_000);
    assertFalse(estimator.estimate().valid(), "2 buckets of the 3 needed");
    assertEquals(0.0, estimator.estimate().offsetMillis());
    assertEquals(1_000_000L, estimator.correct(1_000_000));
  }

  @Test
  void keepsOnlyTheLatestWindowOfBucketsAndIgnoresOlderReceiveTimes() {
    ClockDriftEstimator estimator = new ClockDriftEstimator(ONE_SECOND_BUCKETS);
    for (int second = 0; second < 5; second++) {
      estimator.observe(second * 1_000_000L, second * 1_000_000L + 500);
    }
    assertEquals(3, estimator.state().buckets().size(), "window 3: buckets 2, 3, 4");
    assertEquals(2, estimator.state().buckets().get(0).index());
    estimator.observe(0, 1_000_100);
    assertEquals(2, estimator.state().buckets().get(0).index(), "a receive time in bucket 1 is older than the window");
    assertEquals(3, estimator.estimate().samples());
  }

  @Test
  void findsTheOffsetAndDriftOfASlowClockUnderNoisyDelays() {
    ClockDriftSettings settings = new ClockDriftSettings(true, Duration.ofMinutes(1), 30, 5);
    ClockDriftEstimator estimator = new ClockDriftEstimator(settings);
    SyntheticClock clock = new SyntheticClock(42);
    for (int second = 0; second < 3_600; second++) {
      estimator.observe(clock.sourceAt(second), clock.receiveAt(second));
    }
    Estimate estimate = estimator.estimate();
    assertTrue(estimate.valid());
    assertEquals(SyntheticClock.DRIFT_PPM, estimate.driftPpm(), 1.0, "within 1 ppm of 50");
    // at the last second, 3599 s, the source is 2 s − 50 ppm × 3599 s = 2000 − 179.95 = 1820.05 ms
    // behind, and the smallest delays are 2 ms plus a little: about 1822 ms
    assertEquals(1_822.05, estimate.offsetMillis(), 1.5);
    assertEquals(1_800, estimate.samples(), "30 buckets of 60 readings");
    long source = clock.sourceAt(3_599);
    long trueTime = SyntheticClock.T0 + 3_599_000_000L;
    assertEquals(1_820_050, trueTime - source, 1, "the raw source time is 1.82 s off");
    assertEquals(trueTime + 2_000, estimator.correct(source), 1_500, "corrected: within 1.5 ms of true + 2 ms");
  }
}
