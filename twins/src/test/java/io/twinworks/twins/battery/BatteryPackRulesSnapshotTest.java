package io.twinworks.twins.battery;

import static io.twinworks.twins.battery.BatteryPackRulesTest.LIMITS;
import static io.twinworks.twins.battery.BatteryPackRulesTest.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.testing.Snapshots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatteryPackRulesSnapshotTest {

  private static final int STEPS = 40;

  /** A pack whose cell 2 sags and recovers, cell 3 heats and cools, and SoC drifts apart and back. */
  private static List<Finding> run(BatteryPackRules rules, int from, int to) {
    List<Finding> findings = new ArrayList<>();
    for (int step = from; step < to; step++) {
      double wave = Math.sin(step / 4.0);
      findings.addAll(rules.evaluate(Cells.of(
          "cell.1.voltage", 3.70, "cell.2.voltage", 3.0 + 0.6 * wave, "cell.3.voltage", 3.68,
          "cell.1.temperature", 30, "cell.3.temperature", 50 + 8 * wave,
          "cell.1.soc", 60, "cell.2.soc", 60 + 9 * wave, "cell.3.soc", 61), step * 2 * SECOND));
    }
    return findings;
  }

  @Test
  void restoredFromASnapshotItContinuesExactlyAsTheOriginal() {
    BatteryPackRules original = new BatteryPackRules(LIMITS);
    assertFalse(run(original, 0, STEPS / 2).isEmpty(), "the first half raises something");
    BatteryPackRules.State snapshot = Snapshots.roundTrip(original.state(), BatteryPackRules.State.class);
    assertEquals(original.state(), snapshot, "the state survives JSON");

    BatteryPackRules restored = BatteryPackRules.restore(LIMITS, snapshot);
    List<Finding> expected = run(original, STEPS / 2, STEPS);
    assertFalse(expected.isEmpty(), "the second half raises or clears something");
    assertEquals(expected, run(restored, STEPS / 2, STEPS));
    assertEquals(original.state(), restored.state());
  }
}
