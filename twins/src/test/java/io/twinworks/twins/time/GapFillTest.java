package io.twinworks.twins.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twinworks.twins.time.GapFill.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapFillTest {

  private static final HistoryBucket AT_100 = HistoryBucket.of(100, 1, 3, 2, 4);
  private static final HistoryBucket AT_400 = HistoryBucket.of(400, 4, 9, 5, 2);

  @Test
  void linearFillDrawsAStraightLineBetweenTheMeasuredBuckets() {
    List<HistoryBucket> filled = GapFill.fill(List.of(AT_100, AT_400), 0, 600, 100, Method.LINEAR);
    assertEquals(List.of(
        AT_100,
        // 200 is 1/3 of the way from 100 to 400: min 1 + 3/3 = 2, max 3 + 6/3 = 5, avg 2 + 3/3 = 3
        new HistoryBucket(200, 2, 5, 3, 0, true),
        // 300 is 2/3 of the way: min 1 + 2 = 3, max 3 + 4 = 7, avg 2 + 2 = 4
        new HistoryBucket(300, 3, 7, 4, 0, true),
        AT_400), filled);
  }

  @Test
  void forwardFillRepeatsTheBucketBeforeTheGap() {
    List<HistoryBucket> filled = GapFill.fill(List.of(AT_100, AT_400), 0, 600, 100, Method.FORWARD);
    assertEquals(List.of(AT_100, new HistoryBucket(200, 1, 3, 2, 0, true), new HistoryBucket(300, 1, 3, 2, 0, true),
        AT_400), filled);
  }

  @Test
  void neverExtrapolatesBeforeTheFirstOrAfterTheLastMeasuredBucket() {
    List<HistoryBucket> filled = GapFill.fill(List.of(AT_100, AT_400), 0, 1000, 100, Method.LINEAR);
    assertEquals(100, filled.get(0).startMicros(), "0 is left absent");
    assertEquals(400, filled.get(filled.size() - 1).startMicros(), "500 .. 900 are left absent");
    assertEquals(List.of(AT_100), GapFill.fill(List.of(AT_100), 0, 1000, 100, Method.FORWARD));
    assertEquals(List.of(), GapFill.fill(List.of(), 0, 1000, 100, Method.LINEAR));
  }

  @Test
  void statesAndCountersFillForwardAnalogValuesLinearly() {
    assertEquals(Method.FORWARD, Method.forSignal("run_status"));
    assertEquals(Method.FORWARD, Method.forSignal("cycle_count"));
    assertEquals(Method.LINEAR, Method.forSignal("temperature"));
  }

  @Test
  void rejectsBucketsOffTheStepsOutOfOrderOrOutsideTheRange() {
    assertMessage("bucket[0] starts at 150, not on a step of 100 µs in [0, 600)",
        () -> GapFill.fill(List.of(HistoryBucket.of(150, 1, 1, 1, 1)), 0, 600, 100, Method.LINEAR));
    assertMessage("bucket[1] starts at 100, not after the one before at 400",
        () -> GapFill.fill(List.of(AT_400, AT_100), 0, 600, 100, Method.LINEAR));
    assertMessage("bucket[0] starts at 400, not on a step of 100 µs in [0, 300)",
        () -> GapFill.fill(List.of(AT_400), 0, 300, 100, Method.LINEAR));
  }

  @Test
  void rejectsABadRangeOrTooManySteps() {
    assertMessage("step must be positive, was 0 µs", () -> GapFill.fill(List.of(), 0, 600, 0, Method.LINEAR));
    assertMessage("to 0 must be after from 600", () -> GapFill.fill(List.of(), 600, 0, 100, Method.LINEAR));
    // 100 001 µs in steps of 1 µs are 100 001 steps, one more than allowed; 100 000 are fine
    assertMessage("from .. to holds more than 100000 steps of 1 µs",
        () -> GapFill.fill(List.of(), 0, 100_001, 1, Method.LINEAR));
    assertEquals(List.of(), GapFill.fill(List.of(), 0, 100_000, 1, Method.LINEAR));
  }

  private static void assertMessage(String message, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertEquals(message, e.getMessage());
  }
}
