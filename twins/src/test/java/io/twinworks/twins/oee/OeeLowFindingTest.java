package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.HOUR;
import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.SECOND;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The oee-low finding: raised by a closed window below the threshold, cleared by a later one above. */
class OeeLowFindingTest {

  private static final long EIGHT = at("2024-03-04T08:00:00Z");
  private static final String RULE = """
      ideal-cycle-time = 1s
      oee-low { enabled = true, below = 0.6, clear-above = 0.7, bucket = PT1H, severity = critical }
      """;

  /** One hour from {@code start}: RUN for {@code runMinutes}, then STOP; one part per second run. */
  private static List<Finding> hour(OeeAccumulator oee, long start, int runMinutes, long partsBefore) {
    List<Finding> findings = new ArrayList<>(oee.onRunState(start, 1));
    findings.addAll(oee.onTotalCount(start, partsBefore));
    long runEnd = start + runMinutes * MINUTE;
    findings.addAll(oee.onTotalCount(runEnd - SECOND, partsBefore + runMinutes * 60L));
    if (runMinutes < 60) {
      findings.addAll(oee.onRunState(runEnd, 0));
    }
    findings.addAll(oee.advanceTo(start + HOUR));
    return findings;
  }

  @Test
  void raisesBelowAndClearsAboveWithHysteresisBetween() {
    OeeAccumulator oee = new OeeAccumulator(OeeFixtures.settings(RULE));

    List<Finding> first = hour(oee, EIGHT, 30, 0); // A = 30/60, P = 1800 s/1800 s, Q = 1: OEE 0.5
    assertEquals(1, first.size());
    Finding raised = first.get(0);
    assertEquals(Change.RAISED, raised.change());
    assertEquals("oee-low", raised.kind());
    assertEquals("oee", raised.signal());
    assertEquals(Severity.CRITICAL, raised.severity());
    assertEquals(0.5, raised.value());
    assertEquals(0.6, raised.expected());
    assertEquals(0.5 - 0.6, raised.deviation());
    assertEquals(EIGHT + HOUR, raised.sourceTimeMicros(), "decided when the window closed");
    assertEquals(0.5, raised.evidence().get("availability"));
    assertEquals(1_800.0, raised.evidence().get("totalCount"));

    assertEquals(List.of(), hour(oee, EIGHT + HOUR, 39, 1_800), "OEE 0.65: not above 0.7, still raised");
    List<Finding> third = hour(oee, EIGHT + 2 * HOUR, 60, 4_140); // OEE 1.0
    assertEquals(Change.CLEARED, third.get(0).change());
    assertEquals(1.0, third.get(0).value());
  }

  @Test
  void windowsWithoutOeeNeitherRaiseNorClear() {
    OeeAccumulator oee = new OeeAccumulator(OeeFixtures.settings(RULE));
    oee.onRunState(EIGHT, 3); // MAINTENANCE all along: nothing planned, no OEE
    assertEquals(List.of(), oee.advanceTo(EIGHT + 5 * HOUR));
  }

  @Test
  void offByDefault() {
    OeeAccumulator oee = new OeeAccumulator(OeeFixtures.settings("ideal-cycle-time = 1s"));
    assertTrue(hour(oee, EIGHT, 1, 0).isEmpty(), "OEE 1/60 but no rule");
  }
}
