package io.twinworks.twins.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlertGateTest {

  @Test
  void raisesOnFirstBreachWithoutMinimumDuration() {
    AlertGate gate = new AlertGate(3.0, 2.0, 0);
    assertEquals(Change.NONE, gate.update(0, 2.9));
    assertEquals(Change.RAISED, gate.update(1, 3.0));
    assertEquals(Change.NONE, gate.update(2, 5.0));
  }

  @Test
  void hysteresisKeepsTheAlertBetweenClearAndRaiseLevels() {
    AlertGate gate = new AlertGate(3.0, 2.0, 0);
    gate.update(0, 4.0);
    assertEquals(Change.NONE, gate.update(1, 2.5), "2.5 is below 3 but not below 2: still raised");
    assertEquals(Change.NONE, gate.update(2, 2.0));
    assertEquals(Change.CLEARED, gate.update(3, 1.9));
    assertEquals(Change.NONE, gate.update(4, 2.9), "2.9 is not a new breach of 3");
  }

  @Test
  void minimumDurationMustHoldWithoutInterruption() {
    AlertGate gate = new AlertGate(1.0, 1.0, 10);
    assertEquals(Change.NONE, gate.update(100, 1.5));
    assertEquals(Change.NONE, gate.update(105, 1.5));
    assertEquals(Change.NONE, gate.update(108, 0.5), "interrupted: the 10 µs start again");
    assertEquals(Change.NONE, gate.update(110, 1.5));
    assertEquals(Change.NONE, gate.update(119, 1.5));
    assertEquals(Change.RAISED, gate.update(120, 1.5));
    assertEquals(Change.NONE, gate.update(125, 0.5));
    assertEquals(Change.CLEARED, gate.update(135, 0.5));
  }

  @Test
  void restoredGateContinuesExactlyWhereTheOriginalWas() {
    AlertGate original = new AlertGate(1.0, 0.5, 10);
    original.update(0, 2.0);
    AlertGate copy = new AlertGate(1.0, 0.5, 10);
    copy.restore(original.state());
    assertEquals(original.update(10, 2.0), copy.update(10, 2.0));
    assertTrue(copy.active());
  }

  @Test
  void rejectsAClearLevelAboveTheRaiseLevel() {
    assertThrows(IllegalArgumentException.class, () -> new AlertGate(1.0, 2.0, 0));
  }
}
