package io.twinworks.twins.oee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CumulativeCounterTest {

  @Test
  void firstReadingIsOnlyTheBaseline() {
    CumulativeCounter counter = new CumulativeCounter();
    assertEquals(0, counter.update(1_000), "what 1000 counts happened before the twin knew the machine");
    assertEquals(25, counter.update(1_025)); // 1025 - 1000
    assertEquals(0, counter.update(1_025));
  }

  @Test
  void aReadingBelowThePreviousOneIsAResetAndCountsItsValue() {
    CumulativeCounter counter = new CumulativeCounter();
    counter.update(500);
    assertEquals(7, counter.update(7), "PLC restarted and has counted 7 since");
    assertEquals(3, counter.update(10)); // 10 - 7
    assertEquals(0, counter.update(0), "reset to 0, nothing counted yet");
  }

  @Test
  void negativeReadingsAreIgnored() {
    CumulativeCounter counter = new CumulativeCounter();
    counter.update(100);
    assertEquals(0, counter.update(-5));
    assertEquals(5, counter.update(105), "-5 did not replace the baseline 100"); // 105 - 100
  }

  @Test
  void restoredCounterContinuesFromTheSameBaseline() {
    CumulativeCounter original = new CumulativeCounter();
    original.update(40);
    CumulativeCounter copy = new CumulativeCounter();
    copy.restore(original.state());
    assertEquals(2, copy.update(42)); // 42 - 40
    assertEquals(new CumulativeCounter.State(true, 42), copy.state());
  }
}
