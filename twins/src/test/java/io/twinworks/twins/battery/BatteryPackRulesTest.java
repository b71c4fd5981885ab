package io.twinworks.twins.battery;

import static io.twinworks.twins.battery.Findings.assertFinding;
import static io.twinworks.twins.battery.Findings.ofKind;
import static io.twinworks.twins.battery.Findings.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import io.twinworks.twins.battery.BatteryLimits.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatteryPackRulesTest {

  static final long SECOND = 1_000_000;
  /** The defaults, with minimum durations of 0 but for under-voltage's 5 s. */
  static final BatteryLimits LIMITS = new BatteryLimits(
      new Limit(2.5, 2.6, Duration.ofSeconds(5), Severity.CRITICAL),
      new Limit(4.25, 4.2, Duration.ZERO, Severity.CRITICAL),
      new Limit(0.05, 0.04, Duration.ZERO, Severity.WARNING),
      new Limit(55, 50, Duration.ZERO, Severity.CRITICAL),
      new Limit(5, 4, Duration.ZERO, Severity.WARNING));

  @Test
  void underVoltageRaisesAfterItsMinimumDurationAndClearsWithHysteresis() {
    BatteryPackRules rules = new BatteryPackRules(LIMITS);
    assertEquals(List.of(), underVoltage(rules, 2.45, 0), "pending from 0 s");
    assertEquals(List.of(), underVoltage(rules, 2.45, 4 * SECOND));
    Finding raised = only(underVoltage(rules, 2.45, 5 * SECOND), "cell-under-voltage");
    // 2.5 − 2.45 = 0.05 V under; pack: min 2.45, max 3.70, mean (3.70 + 2.45) / 2 = 3.075, spread 1.25
    assertFinding(raised, Change.RAISED, "cell.2.voltage", 2.45, 2.5, 0.05,
        Map.of("cells", 2.0, "min", 2.45, "max", 3.70, "mean", 3.075, "spread", 1.25, "cell.2.voltage", 2.45));
    assertEquals(Severity.CRITICAL, raised.severity());
    assertEquals(5 * SECOND, raised.sourceTimeMicros());
    assertEquals(List.of(), underVoltage(rules, 2.55, 10 * SECOND), "2.55 is above 2.5 but not above 2.6");
    assertEquals(List.of(), underVoltage(rules, 2.65, 20 * SECOND));
    assertEquals(List.of(), underVoltage(rules, 2.65, 24 * SECOND));
    assertEquals(Change.CLEARED, only(underVoltage(rules, 2.65, 25 * SECOND), "cell-under-voltage").change());
  }

  @Test
  void perCellLimitsAlertEachCellOnItsOwnInCellOrder() {
    BatteryPackRules rules = new BatteryPackRules(LIMITS);
    List<Finding> findings = rules.evaluate(Cells.of(
        "cell.3.temperature", 58, "cell.1.temperature", 56, "cell.2.temperature", 30,
        "cell.1.voltage", 4.30, "cell.2.voltage", 4.22), 0);
    List<Finding> hot = ofKind(findings, "over-temperature");
    assertEquals(List.of("cell.1.temperature", "cell.3.temperature"), hot.stream().map(Finding::signal).toList());
    // 58 − 55 = 3 °C over; temperatures 56, 30, 58: mean 144 / 3 = 48, spread 28
    assertFinding(hot.get(1), Change.RAISED, "cell.3.temperature", 58, 55, 3,
        Map.of("cells", 3.0, "min", 30.0, "max", 58.0, "mean", 48.0, "spread", 28.0, "cell.3.temperature", 58.0));
    // 4.30 − 4.25 = 0.05 V over; voltages 4.30, 4.22: mean 4.26, spread 0.08
    assertFinding(only(findings, "cell-over-voltage"), Change.RAISED, "cell.1.voltage", 4.30, 4.25, 0.05,
        Map.of("cells", 2.0, "min", 4.22, "max", 4.30, "mean", 4.26, "spread", 0.08, "cell.1.voltage", 4.30));
  }

  @Test
  void imbalanceIsThePacksVoltageSpreadWithTheLowestAndHighestCell() {
    BatteryPackRules rules = new BatteryPackRules(LIMITS);
    Finding raised = only(rules.evaluate(Cells.of("cell.1.voltage", 3.60, "cell.2.voltage", 3.70,
        "cell.3.voltage", 3.62), 0), "cell-imbalance");
    // spread 3.70 − 3.60 = 0.10 V, 0.05 over the limit; mean (3.60 + 3.70 + 3.62) / 3 = 3.64
    assertFinding(raised, Change.RAISED, "voltage.spread", 0.10, 0.05, 0.05, Map.of("cells", 3.0, "min", 3.60,
        "max", 3.70, "mean", 3.64, "spread", 0.10, "cell.1.voltage", 3.60, "cell.2.voltage", 3.70));
    assertEquals(Severity.WARNING, raised.severity());
    Finding cleared = only(rules.evaluate(Cells.of("cell.1.voltage", 3.65, "cell.2.voltage", 3.62,
        "cell.3.voltage", 3.64), SECOND), "cell-imbalance");
    // spread 3.65 − 3.62 = 0.03 < 0.04
    assertEquals(Change.CLEARED, cleared.change());
    assertEquals(0.03, cleared.value(), 1e-9);
  }

  @Test
  void socDivergenceIsTheCellFarthestFromTheMean() {
    BatteryPackRules rules = new BatteryPackRules(LIMITS);
    Finding raised = only(rules.evaluate(Cells.of("cell.1.soc", 50, "cell.2.soc", 52, "cell.3.soc", 60), 0),
        "soc-divergence");
    // mean (50 + 52 + 60) / 3 = 54; cell 3 is 6 points off, 1 over the limit of 5
    assertFinding(raised, Change.RAISED, "soc.divergence", 6, 5, 1, Map.of("cells", 3.0, "min", 50.0, "max", 60.0,
        "mean", 54.0, "spread", 10.0, "cell.3.soc", 60.0, "divergence", 6.0));
    // mean (50 + 52 + 56) / 3 = 52.67; farthest is cell 3 at 3.33 < 4
    assertEquals(Change.CLEARED, only(rules.evaluate(Cells.of("cell.1.soc", 50, "cell.2.soc", 52, "cell.3.soc", 56),
        SECOND), "soc-divergence").change());
  }

  @Test
  void packRulesNeedTwoCells() {
    BatteryPackRules rules = new BatteryPackRules(LIMITS);
    assertEquals(List.of(), rules.evaluate(Cells.of("cell.1.voltage", 3.6, "cell.1.soc", 90), 0),
        "one cell has neither spread nor divergence");
    only(rules.evaluate(Cells.of("cell.1.voltage", 3.6, "cell.2.voltage", 3.7), SECOND), "cell-imbalance");
    var oneLeft = Cells.withBad(Cells.of("cell.1.voltage", 3.6), "cell.2.voltage");
    assertEquals(List.of(), rules.evaluate(oneLeft, 2 * SECOND), "one usable cell does not clear the imbalance");
  }

  @Test
  void aCellWithoutAUsableValueKeepsItsAlert() {
    BatteryPackRules rules = new BatteryPackRules(LIMITS);
    underVoltage(rules, 2.4, 0);
    only(underVoltage(rules, 2.4, 5 * SECOND), "cell-under-voltage");
    var bad = Cells.withBad(Cells.of("cell.1.voltage", 3.7), "cell.2.voltage");
    assertEquals(List.of(), ofKind(rules.evaluate(bad, 30 * SECOND), "cell-under-voltage"), "bad quality: no clear");
    assertEquals(List.of(), underVoltage(rules, 3.7, 40 * SECOND));
    assertEquals(Change.CLEARED, only(underVoltage(rules, 3.7, 45 * SECOND), "cell-under-voltage").change());
  }

  @Test
  void anEarlierTimeCountsAsTheLatestSoDurationsNeverRunBackwards() {
    BatteryPackRules rules = new BatteryPackRules(LIMITS);
    underVoltage(rules, 3.7, 10 * SECOND);
    assertEquals(List.of(), underVoltage(rules, 2.4, 4 * SECOND), "counts as 10 s: pending from 10 s");
    assertEquals(List.of(), underVoltage(rules, 2.4, 9 * SECOND), "from 4 s it would be 5 s and raise");
    assertEquals(Change.RAISED, only(underVoltage(rules, 2.4, 15 * SECOND), "cell-under-voltage").change());
  }

  /** Cell 2's voltage at {@code voltage} beside cell 1 at 3.70 V; only under-voltage findings. */
  static List<Finding> underVoltage(BatteryPackRules rules, double voltage, long time) {
    return ofKind(rules.evaluate(Cells.of("cell.1.voltage", 3.70, "cell.2.voltage", voltage), time),
        "cell-under-voltage");
  }
}
