package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.temp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.BatchClassifier.Classified;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchClassifierTest {

  private static TwinState after(Reading... readings) {
    return Fixtures.emptySensor().recorded(BatchClassifier.classify(Fixtures.emptySensor(), List.of(readings)).event().orElseThrow());
  }

  @Test
  void newReadingsAreAcceptedInOneEvent() {
    Classified c = BatchClassifier.classify(Fixtures.emptySensor(), List.of(temp(1, 1), temp(2, 2)));
    assertEquals(new Recorded(2, 0, 0), c.counts());
    ReadingsRecorded event = c.event().orElseThrow();
    assertEquals(List.of(RecordedSample.of(temp(1, 1), false), RecordedSample.of(temp(2, 2), false)), event.samples());
    assertEquals(T0.plusSeconds(2).plusMillis(100), event.receivedAt());
  }

  @Test
  void readingAtTheLatestSourceTimeIsADuplicateEvenWithAnotherValue() {
    Classified c = BatchClassifier.classify(after(temp(1, 5)), List.of(temp(9, 5)));
    assertEquals(new Recorded(0, 1, 0), c.counts());
    assertTrue(c.event().isEmpty());
  }

  @Test
  void readingRememberedInTheRingIsADuplicate() {
    Classified c = BatchClassifier.classify(after(temp(1, 1), temp(2, 2), temp(3, 3)), List.of(temp(2, 2), temp(4, 4)));
    assertEquals(new Recorded(1, 1, 0), c.counts());
    assertEquals(1, c.event().orElseThrow().duplicates());
  }

  @Test
  void unknownOlderReadingIsLate() {
    Classified c = BatchClassifier.classify(after(temp(1, 10)), List.of(temp(2, 5)));
    assertEquals(new Recorded(0, 0, 1), c.counts());
    assertTrue(c.event().orElseThrow().samples().get(0).late());
  }

  @Test
  void duplicatesWithinABatchAreDropped() {
    Classified c = BatchClassifier.classify(Fixtures.emptySensor(), List.of(temp(1, 1), temp(1, 1), temp(2, 2)));
    assertEquals(new Recorded(2, 1, 0), c.counts());
    assertEquals(2, c.event().orElseThrow().samples().size());
  }

  @Test
  void outOfOrderWithinABatchIsLate() {
    Classified c = BatchClassifier.classify(Fixtures.emptySensor(), List.of(temp(1, 3), temp(2, 1)));
    assertEquals(new Recorded(1, 0, 1), c.counts());
    assertFalse(c.event().orElseThrow().samples().get(0).late());
  }

  @Test
  void signalsAreDeduplicatedIndependently() {
    Reading pressure = Fixtures.reading(Fixtures.SENSOR, TwinKind.SENSOR, "pressure", 1, 1);
    Classified c = BatchClassifier.classify(after(temp(1, 1)), List.of(pressure));
    assertEquals(new Recorded(1, 0, 0), c.counts());
  }

  @Test
  void ringIsBoundedSoAVeryOldRedeliveryCountsAsLate() {
    TwinState state = Fixtures.emptySensor();
    for (int s = 1; s <= SignalState.RECENT + 1; s++) {
      state = state.recorded(BatchClassifier.classify(state, List.of(temp(s, s))).event().orElseThrow());
    }
    assertEquals(SignalState.RECENT, state.signals().get("temperature").recent().length);
    assertEquals(new Recorded(0, 0, 1), BatchClassifier.classify(state, List.of(temp(1, 1))).counts());
    assertEquals(new Recorded(0, 1, 0), BatchClassifier.classify(state, List.of(temp(2, 2))).counts());
  }
}
