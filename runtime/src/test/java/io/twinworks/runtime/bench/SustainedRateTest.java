package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleToLongFunction;
import org.junit.jupiter.api.Test;

/** The sustained rate: count growth from a fifth into the load period to its end. */
class SustainedRateTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long LOAD = 10 * SECOND;

  @Test
  void aSideThatKeepsUpShowsTheOfferedRateWhateverItsLatency() {
    // 3,000/s for 10 s, each reading counted 0.3 s after its publish: count(t) = 3,000 × (t − 0.3), up to 30,000
    SustainedRate rate = sampled(t -> Math.min(30_000, Math.max(0, Math.round(3_000 * (t - 0.3)))));
    // from the sample at 2 s (5,100) to the one at 10 s (29,100): 24,000 / 8 s
    assertEquals(3_000, rate.perSecond(LOAD), 1e-9);
  }

  @Test
  void anOverloadedSideShowsWhatItAppliedWhileLoadedNotTheDrain() {
    // offered for 10 s, counted at 1,000/s until 30 s
    SustainedRate rate = sampled(t -> Math.min(30_000, Math.round(1_000 * t)));
    assertEquals(1_000, rate.perSecond(LOAD), 1e-9); // (10,000 − 2,000) / 8 s
  }

  @Test
  void aSlowStartIsLeftOut() {
    // nothing in the first second (twins being created), then 2,000/s
    SustainedRate rate = sampled(t -> Math.max(0, Math.round(2_000 * (t - 1))));
    // (18,000 − 2,000) / (10 − 2) s; over the whole 10 s it would look like 1,800/s
    assertEquals(2_000, rate.perSecond(LOAD), 1e-9);
  }

  @Test
  void withoutTwoSamplesInTheWindowItIsTheLastCountOverItsTime() {
    SustainedRate rate = new SustainedRate();
    rate.sample(SECOND / 4, 2_000);
    assertEquals(8_000, rate.perSecond(SECOND * 3 / 10), 1e-9); // 2,000 in 0.25 s
    assertEquals(0, new SustainedRate().perSecond(LOAD));
  }

  /** Samples once a second from 1 s to 12 s; {@code count} maps seconds to the count then. */
  private static SustainedRate sampled(DoubleToLongFunction count) {
    SustainedRate rate = new SustainedRate();
    for (int t = 1; t <= 12; t++) {
      rate.sample(t * SECOND, count.applyAsLong(t));
    }
    return rate;
  }
}
