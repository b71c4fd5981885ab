package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineSummaryTest {

  private static SignalValue at(double code, long second) {
    return new SignalValue(code, T0.plusSeconds(second), Quality.GOOD);
  }

  @Test
  void runningOnlyForTheRunCode() {
    assertEquals(Map.of("running", 1.0), MachineSummary.of(Map.of("run_status", at(MachineSummary.RUN, 0))));
    assertEquals(Map.of("running", 0.0), MachineSummary.of(Map.of("run_status", at(MachineSummary.STOP, 0))));
    assertEquals(Map.of("running", 0.0), MachineSummary.of(Map.of("state", at(MachineSummary.IDLE, 0))));
    assertEquals(Map.of("running", 0.0), MachineSummary.of(Map.of("state", at(MachineSummary.MAINTENANCE, 0))));
  }

  @Test
  void newerOfRunStatusAndStateWins() {
    assertEquals(Optional.of(MachineSummary.IDLE),
        MachineSummary.stateCode(Map.of("run_status", at(1, 1), "state", at(2, 2))));
    assertEquals(Optional.of(MachineSummary.RUN),
        MachineSummary.stateCode(Map.of("run_status", at(1, 2), "state", at(2, 1))));
  }

  @Test
  void unknownCodesBadQualityAndMissingSignalsGiveNoFigure() {
    assertEquals(Map.of(), MachineSummary.of(Map.of("speed", at(1, 0))));
    assertEquals(Map.of(), MachineSummary.of(Map.of("run_status", at(7, 0))));
    assertEquals(Map.of(), MachineSummary.of(Map.of("run_status", at(1.5, 0))));
    assertEquals(Map.of(), MachineSummary.of(Map.of("run_status", new SignalValue(1, T0, Quality.BAD))));
  }
}
