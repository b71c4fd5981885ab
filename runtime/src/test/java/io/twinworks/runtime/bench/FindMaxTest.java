package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** --find-max: the rate of each step, the bounds a step can break, and where the search stops. */
class FindMaxTest {

  private static final FindMaxSettings DEFAULTS =
      new FindMaxSettings(2_000, 1.25, Duration.ofSeconds(15), Duration.ofSeconds(1), 0);

  @Test
  void theRateRisesByTheFactorEachStep() {
    assertEquals(2_000, DEFAULTS.rate(1));
    assertEquals(2_500, DEFAULTS.rate(2)); // 2,000 × 1.25
    assertEquals(3_125, DEFAULTS.rate(3)); // 2,000 × 1.5625
    assertEquals(3_906, DEFAULTS.rate(4)); // 2,000 × 1.953125 = 3,906.25
    assertEquals(4_883, DEFAULTS.rate(5)); // 2,000 × 2.44140625 = 4,882.8125
    assertEquals(6_104, DEFAULTS.rate(6)); // 2,000 × 3.0517578125 = 6,103.515625
  }

  @Test
  void aStepHoldsWithinEveryBound() {
    // 2,500 offered, 2,380 applied/s: 95.2 % ≥ 95 %; p99 999 ms ≤ 1,000 ms; nothing lost
    assertEquals(Optional.empty(), DEFAULTS.broken(step(2_500, 37_500, 37_500, 2_380, 150, 150, 999)));
  }

  @Test
  void aStepBreaksOnLossFirst() {
    Optional<String> broken = DEFAULTS.broken(step(2_500, 37_500, 37_490, 1_000, 150, 150, 5_000));
    assertEquals(Optional.of("loss: 10 of 37,500 readings not applied"), broken);
  }

  @Test
  void aStepBreaksWhenTheTwinsApplyLessThan95PercentOfTheOffer() {
    // 95 % of 2,500 = 2,375; 2,374 is under it
    Optional<String> broken = DEFAULTS.broken(step(2_500, 37_500, 37_500, 2_374, 150, 150, 10));
    assertEquals(Optional.of("throughput: 2,374/s applied, under 95 % of 2,500/s offered"), broken);
  }

  @Test
  void aStepBreaksOnItsStateLatency() {
    assertEquals(Optional.of("latency: state p99 1,001 ms over 1,000 ms"),
        DEFAULTS.broken(step(2_500, 37_500, 37_500, 2_500, 150, 150, 1_001)));
    assertEquals(Optional.of("latency: 2 of 150 state probes never seen"),
        DEFAULTS.broken(step(2_500, 37_500, 37_500, 2_500, 150, 148, 20)));
  }

  @Test
  void theKneeIsTheLastStepThatHeld() throws Exception {
    List<Double> asked = new ArrayList<>();
    FindMax.Result result = FindMax.search(DEFAULTS, (n, rate) -> {
      asked.add(rate);
      double applied = n < 3 ? rate : rate * 0.8; // step 3 applies 80 % of its offer
      return step(rate, 1_000, 1_000, applied, 150, 150, 50);
    }, line -> { });
    assertEquals(List.of(2_000.0, 2_500.0, 3_125.0), asked);
    assertEquals(3, result.steps().size());
    assertEquals(2, result.kneeStep());
    assertEquals(2_500, result.knee().orElseThrow().offeredPerSecond());
    assertNull(result.steps().get(1).broken());
    assertTrue(result.stoppedBecause().startsWith("step 3 broke a bound: throughput"), result.stoppedBecause());
  }

  @Test
  void noKneeWhenTheFirstStepBreaks() throws Exception {
    FindMax.Result result = FindMax.search(DEFAULTS, (n, rate) -> step(rate, 1_000, 900, rate, 150, 150, 50),
        line -> { });
    assertEquals(1, result.steps().size());
    assertNull(result.kneeStep());
    assertTrue(result.knee().isEmpty());
  }

  @Test
  void maxStepsEndsASearchThatKeepsHolding() throws Exception {
    FindMaxSettings twoSteps = new FindMaxSettings(100, 2, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
    FindMax.Result result = FindMax.search(twoSteps, (n, rate) -> step(rate, 1_000, 1_000, rate, 10, 10, 5),
        line -> { });
    assertEquals(2, result.steps().size());
    assertEquals(2, result.kneeStep());
    assertEquals(200, result.knee().orElseThrow().offeredPerSecond()); // 100 × 2
    assertEquals("no bound broke within --max-steps 2", result.stoppedBecause());
  }

  private static RunResult step(double offered, long published, long applied, double appliedPerSecond,
      long probesSent, long probesSeen, double p99) {
    ProbeLatency state = new ProbeLatency(probesSent, new Percentiles(probesSeen, p99 / 2, p99, p99, p99));
    return new RunResult("step", offered, published, published, applied, published - applied, 0, 0, 15,
        appliedPerSecond, state, null);
  }
}
