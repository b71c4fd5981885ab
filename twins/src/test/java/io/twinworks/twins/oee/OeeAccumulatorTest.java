package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Run state, counters and time in the windows of a 24/7 UTC calendar (the default). */
class OeeAccumulatorTest {

  private static final long EIGHT = at("2024-03-04T08:00:00Z");

  private final OeeAccumulator oee = new OeeAccumulator(OeeFixtures.settings("ideal-cycle-time = 1s"));

  @Test
  void maintenanceIsTakenOutOfPlannedBusyTime() {
    oee.onRunState(EIGHT, 1);
    oee.onTotalCount(EIGHT, 0);
    oee.onRunState(EIGHT + 20 * MINUTE, 3); // MAINTENANCE 08:20-08:40
    oee.onRunState(EIGHT + 40 * MINUTE, 0); // STOP 08:40-08:50
    oee.onRunState(EIGHT + 50 * MINUTE, 1);
    oee.onTotalCount(EIGHT + 59 * MINUTE, 1_500);
    oee.advanceTo(EIGHT + 60 * MINUTE);

    OeeWindow hour = oee.windows(OeeBucket.HOUR, EIGHT, EIGHT + 1).get(0);
    assertEquals(2_400, hour.plannedSeconds()); // 60 - 20 min maintenance = 40 min
    assertEquals(1_800, hour.runSeconds()); // 08:00-08:20 + 08:50-09:00 = 30 min
    assertEquals(0.75, hour.availability()); // 30 / 40
    assertEquals(1_500.0 / 1_800.0, hour.performance()); // 1500 parts * 1 s / 1800 s
    assertEquals(1.0, hour.quality()); // no rejects
    OeeWindow inMaintenance = oee.windows(OeeBucket.QUARTER_HOUR, EIGHT + 30 * MINUTE, EIGHT + 31 * MINUTE).get(0);
    assertEquals(300, inMaintenance.plannedSeconds(), "08:30-08:45: only 08:40-08:45 (STOP) is planned busy");
    assertEquals(0.0, inMaintenance.availability());
  }

  @Test
  void openWindowIsPartialUntilTimeReachesItsEnd() {
    oee.onRunState(EIGHT, 1);
    oee.onTotalCount(EIGHT + 7 * MINUTE, 10);

    OeeWindow open = oee.current(OeeBucket.QUARTER_HOUR).orElseThrow();
    assertTrue(open.partial());
    assertEquals(at("2024-03-04T08:00:00Z"), Micros.of(open.start()));
    assertEquals(at("2024-03-04T08:15:00Z"), Micros.of(open.end()));
    assertEquals(420, open.runSeconds()); // 7 min so far
    assertEquals(List.of(open), oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 15 * MINUTE));

    oee.advanceTo(EIGHT + 15 * MINUTE);
    OeeWindow closed = oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 1).get(0);
    assertFalse(closed.partial());
    assertEquals(900, closed.runSeconds());
    assertEquals(EIGHT + 15 * MINUTE, Micros.of(oee.current(OeeBucket.QUARTER_HOUR).orElseThrow().start()));
  }

  @Test
  void silentMachineKeepsItsLastStateAsTimeAdvances() {
    oee.onRunState(EIGHT, 1);
    oee.advanceTo(EIGHT + 2 * 60 * MINUTE);

    List<OeeWindow> quarters = oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 2 * 60 * MINUTE + 1);
    assertEquals(9, quarters.size(), "8 closed quarters (2 h) and the open 10:00 one");
    assertTrue(quarters.subList(0, 8).stream().allMatch(window -> window.runSeconds() == 900));
    assertTrue(quarters.get(8).partial());
    assertEquals(0.0, quarters.get(0).performance(), "ran 900 s without parts: 0 * 1 s / 900 s");
    assertNull(quarters.get(0).quality(), "no parts: quality undefined");
    assertNull(quarters.get(0).oee());
  }

  @Test
  void timeBeforeTheFirstStateReadingIsNotPlanned() {
    oee.onTotalCount(EIGHT, 0);
    oee.onRunState(EIGHT + 5 * MINUTE, 1);
    oee.advanceTo(EIGHT + 15 * MINUTE);

    OeeWindow first = oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 1).get(0);
    assertEquals(600, first.plannedSeconds()); // 08:05-08:15
    assertEquals(1.0, first.availability());
  }

  @Test
  void counterResetCountsTheValueSinceTheReset() {
    oee.onRunState(EIGHT, 1);
    oee.onTotalCount(EIGHT, 100); // baseline
    oee.onTotalCount(EIGHT + MINUTE, 150); // +50
    oee.onTotalCount(EIGHT + 2 * MINUTE, 20); // PLC restart: +20
    oee.onTotalCount(EIGHT + 3 * MINUTE, 30); // +10
    oee.onDefectCount(EIGHT + 3 * MINUTE, 4); // baseline
    oee.onDefectCount(EIGHT + 4 * MINUTE, 1); // reset: +1

    OeeWindow open = oee.current(OeeBucket.QUARTER_HOUR).orElseThrow();
    assertEquals(80, open.totalCount()); // 50 + 20 + 10
    assertEquals(79, open.goodCount()); // 80 - 1
  }

  @Test
  void countsBelongToTheWindowTheirReadingArrivesIn() {
    oee.onRunState(EIGHT, 1);
    oee.onTotalCount(EIGHT, 0);
    oee.onTotalCount(EIGHT + 14 * MINUTE, 800);
    oee.onTotalCount(EIGHT + 15 * MINUTE, 900); // the instant 08:15 is in the next window

    List<OeeWindow> quarters = oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 30 * MINUTE);
    assertEquals(800, quarters.get(0).totalCount());
    assertEquals(100, quarters.get(1).totalCount()); // 900 - 800
    assertEquals(900, oee.current(OeeBucket.HOUR).orElseThrow().totalCount());
  }

  @Test
  void lateInputCountsAsArrivingAtTheLatestTime() {
    oee.onRunState(EIGHT, 1);
    oee.onTotalCount(EIGHT, 0);
    oee.advanceTo(EIGHT + 20 * MINUTE);
    oee.onTotalCount(EIGHT + 10 * MINUTE, 60); // late: the 08:00 window is closed already
    oee.onRunState(EIGHT + 10 * MINUTE, 0); // late: STOP from 08:20 on

    oee.advanceTo(EIGHT + 30 * MINUTE);
    List<OeeWindow> quarters = oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 30 * MINUTE);
    assertEquals(0, quarters.get(0).totalCount());
    assertEquals(900, quarters.get(0).runSeconds());
    assertEquals(60, quarters.get(1).totalCount());
    assertEquals(300, quarters.get(1).runSeconds()); // 08:15-08:20 RUN, then STOP
  }

  @Test
  void unknownStateCodesAreStop() {
    oee.onRunState(EIGHT, 7);
    oee.advanceTo(EIGHT + 15 * MINUTE);
    OeeWindow quarter = oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 1).get(0);
    assertEquals(900, quarter.plannedSeconds());
    assertEquals(0, quarter.runSeconds());
  }

  @Test
  void otherSignalsOnlyMoveTimeOn() {
    oee.onReading("state", 1, EIGHT);
    oee.onReading("temperature", 81.5, EIGHT + 20 * MINUTE);
    assertEquals(1, oee.windows(OeeBucket.QUARTER_HOUR, EIGHT, EIGHT + 15 * MINUTE).size());
    assertEquals(300, oee.current(OeeBucket.QUARTER_HOUR).orElseThrow().runSeconds()); // 08:15-08:20
  }

  @Test
  void historyKeepsOnlyTheConfiguredNumberOfWindows() {
    OeeAccumulator small = new OeeAccumulator(OeeFixtures.settings("history.quarter-hour = 3"));
    small.onRunState(EIGHT, 1);
    small.advanceTo(EIGHT + 60 * MINUTE);
    List<OeeWindow> kept = small.windows(OeeBucket.QUARTER_HOUR, 0, Long.MAX_VALUE);
    assertEquals(4, kept.size(), "3 closed and the open one");
    assertEquals(EIGHT + 15 * MINUTE, Micros.of(kept.get(0).start()), "08:00 dropped, 08:15 kept");
  }

  @Test
  void aJumpFarAheadRestartsTheWindowsAHistoryBeforeTheNewTime() {
    oee.onRunState(EIGHT, 1);
    long yearsLater = at("2124-03-04T08:00:00Z");
    oee.advanceTo(yearsLater);
    List<OeeWindow> quarters = oee.windows(OeeBucket.QUARTER_HOUR, 0, Long.MAX_VALUE);
    assertEquals(673, quarters.size(), "672 kept and the open one");
    assertEquals(yearsLater, Micros.of(quarters.get(672).start()));
    assertEquals(900, quarters.get(0).runSeconds(), "still RUN, forward filled");
  }
}
