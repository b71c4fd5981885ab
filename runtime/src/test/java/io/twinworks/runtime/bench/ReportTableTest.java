package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table a person reads: one row per run, its cells, and the summary under it. */
class ReportTableTest {

  private static final RunResult BARE = new RunResult("bare broker", 0, 300_000, 300_000L, 300_000, 0, 0, 0, 14.1,
      21_276.6, null, null);
  private static final RunResult TWINWORKS = new RunResult("twinworks", 3_000, 90_012, 90_012L, 90_000, 12, 0, 5,
      30.0, 2_999.4, new ProbeLatency(300, new Percentiles(300, 8.1, 14.23, 22.0, 140.4)),
      new ProbeLatency(20, new Percentiles(19, 96.0, 146.2, 176.0, 176.0)));
  private static final BenchSettings SETTINGS = new BenchSettings("tcp://127.0.0.1:1883", "http://127.0.0.1:8080",
      100, LoadMix.SENSORS_ONLY, 1, 1000, 3_000, LoadLength.of(Duration.ofSeconds(30)), 10, Duration.ofSeconds(30),
      Duration.ofMinutes(10), Duration.ZERO, null);

  @Test
  void aRowHasEveryCell() {
    assertEquals(List.of("twinworks", "3,000", "90,012", "90,012", "90,000", "12", "5", "2,999", "8.1/14.2/22.0/140",
            "96.0/146/176/176", "(1", "of", "20", "unseen)"),
        Arrays.asList(ReportTable.row(TWINWORKS, "").trim().split("\\s+")));
  }

  @Test
  void anUnpacedRunOffersMaxAndQos0HasNoAcks() {
    RunResult qos0 = new RunResult("bare broker", 0, 1_000, null, 990, 10, 0, 0, 1, 990, null, null);
    assertEquals(List.of("bare", "broker", "max", "1,000", "-", "990", "10", "0", "990", "-", "-"),
        Arrays.asList(ReportTable.row(qos0, "").trim().split("\\s+")));
  }

  @Test
  void latencyCells() {
    assertEquals("-", ReportTable.latency(null));
    assertEquals("none of 15 seen", ReportTable.latency(new ProbeLatency(15,
        new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN))));
    // below 100 ms one decimal, from 100 ms whole milliseconds with thousands separators
    assertEquals("99.9/100/1,234/12,346", ReportTable.latency(new ProbeLatency(4,
        new Percentiles(4, 99.94, 100.4, 1_234.4, 12_345.6))));
  }

  @Test
  void anAlertProbeWithStagesGetsALineUnderTheTable() {
    RunResult split = new RunResult("twinworks", 3_000, 90_000, 90_000L, 90_000, 0, 0, 0, 30.0, 3_000, null,
        new ProbeLatency(20, new Percentiles(20, 96.0, 146.2, 176.0, 176.0), new ProbeLatency.Stages(
            new Percentiles(20, 40.0, 90.0, 120.0, 120.0), new Percentiles(20, 56.0, 56.2, 58.0, 60.0))));
    Bench.Report report = new Bench.Report(Instant.now(), SETTINGS, List.of(BARE, split), 0.14, null, "");
    List<String> lines = ReportTable.lines(report);
    assertEquals("alert latency of twinworks, publish → received by the runtime: 40.0/90.0/120/120 ms; received → "
        + "on SSE: 56.0/56.2/58.0/60.0 ms (p50/p95/p99/max)", lines.get(4));
  }

  @Test
  void theSummaryComparesWithTheBareBrokerAndNamesTheLoss() {
    Bench.Report report = new Bench.Report(Instant.now(), SETTINGS, List.of(BARE, TWINWORKS),
        TWINWORKS.appliedPerSecond() / BARE.appliedPerSecond(), null, "state polled every 5 ms");
    List<String> lines = ReportTable.lines(report);
    assertEquals(4 + 2, lines.size()); // header, 2 rows, blank, summary, latency note
    // 2,999.4 / 21,276.6 = 0.141 → 14 %
    assertEquals("Twinworks applied 2,999 readings/s = 14 % of the bare broker's 21,277/s; NOT APPLIED within the "
        + "30 s drain grace (lost, or still queued): 0 at the bare broker, 12 in Twinworks", lines.get(4));
    assertTrue(lines.get(5).contains("state polled every 5 ms"), lines.get(5));
  }

  @Test
  void aFindMaxReportsEveryStepAndTheKnee() {
    RunResult step1 = new RunResult("step 1", 2_000, 30_000, 30_000L, 30_000, 0, 0, 0, 15, 2_001, null, null);
    RunResult step2 = new RunResult("step 2", 2_500, 37_500, 37_500L, 37_000, 500, 0, 0, 15, 2_400, null, null);
    FindMax.Result search = new FindMax.Result(List.of(new FindMax.Step(step1, null),
        new FindMax.Step(step2, "loss: 500 of 37,500 readings not applied")), 1, "step 2 broke a bound: loss");
    Bench.Report report = new Bench.Report(Instant.now(), SETTINGS, List.of(BARE), 2_001 / 21_276.6, search,
        "state polled every 5 ms");
    List<String> lines = ReportTable.lines(report);
    assertTrue(lines.get(2).endsWith("held"), lines.get(2));
    assertTrue(lines.get(3).endsWith("loss: 500 of 37,500 readings not applied"), lines.get(3));
    // 2,001 / 21,276.6 = 0.094 → 9 %
    assertEquals("knee: step 1, 2,000 readings/s offered, 2,001/s applied = 9 % of the bare broker's 21,277/s; "
        + "step 2 broke a bound: loss", lines.get(5));
  }
}
