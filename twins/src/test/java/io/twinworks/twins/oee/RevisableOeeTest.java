package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.SECOND;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static io.twinworks.twins.oee.OeeFixtures.percent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Late run state and counter readings revise the windows they fall into (the worked example of OeeWorkedExampleTest). */
class RevisableOeeTest {

  private static final String SETTINGS = OeeWorkedExampleTest.CALENDAR;
  private static final long SHIFT_START = at("2024-03-04T06:00:00Z");
  private static final long SHIFT_END = SHIFT_START + 480 * MINUTE;
  private static final long STOP_AT = at("2024-03-04T11:00:00Z");

  /** One reading of the machine. */
  record Input(String signal, double value, long micros) {}

  @Test
  void aLateStopIsPutInPlaceAndEveryWindowComesOutAsInOrder() {
    List<Input> inOrder = shift();
    RevisableOee reference = feed(new RevisableOee(settings("")), inOrder);
    // The 11:00 STOP arrives after the readings up to 11:30:59, 31 minutes late.
    RevisableOee revised = feed(new RevisableOee(settings("")), deliverLate(inOrder, STOP_AT, at("2024-03-04T11:30:59Z")));

    assertEquals(windows(reference), windows(revised));
    OeeWindow shift = revised.windows(OeeBucket.SHIFT, SHIFT_START, SHIFT_END).get(0);
    assertEquals(88.81, percent(shift.availability())); // 373 / 420 min, the 47 min STOP included
    assertEquals(74.79, percent(shift.oee()));
  }

  @Test
  void lateCounterReadingsMoveTheirPartsBackIntoTheirOwnWindows() {
    List<Input> inOrder = shift();
    long lateFrom = at("2024-03-04T09:10:59Z");
    List<Input> lateCounters = new ArrayList<>(inOrder);
    List<Input> held = inOrder.stream()
        .filter(i -> i.signal().equals(OeeAccumulator.CYCLE_COUNT) && i.micros() >= lateFrom
            && i.micros() < lateFrom + 10 * MINUTE)
        .toList();
    lateCounters.removeAll(held);
    int at = lateCounters.indexOf(lateCounters.stream().filter(i -> i.micros() >= lateFrom + 20 * MINUTE).findFirst()
        .orElseThrow());
    lateCounters.addAll(at, held);

    RevisableOee revised = feed(new RevisableOee(settings("")), lateCounters);
    assertEquals(windows(feed(new RevisableOee(settings("")), inOrder)), windows(revised));
    assertNotEquals(windows(revised), feedPlain(lateCounters),
        "without revision the late counts land in a later quarter hour");
  }

  @Test
  void anInputLaterThanTheRevisionWindowCountsAtTheLatestTimeAsBefore() {
    List<Input> late = deliverLate(shift(), STOP_AT, at("2024-03-04T11:30:59Z"));
    RevisableOee tenMinutes = feed(new RevisableOee(settings("revise.within = 10m")), late);
    assertEquals(feedPlain(late), windows(tenMinutes));
    OeeWindow shift = tenMinutes.windows(OeeBucket.SHIFT, SHIFT_START, SHIFT_END).get(0);
    assertTrue(shift.runSeconds() > 22_380, "the STOP counted from 11:30:59 only: " + shift.runSeconds());
  }

  @Test
  void keepsAtMostMaxInputsAndContinuesBitForBitFromItsState() {
    List<Input> late = deliverLate(shift(), STOP_AT, at("2024-03-04T11:10:59Z"));
    OeeSettings settings = settings("revise.max-inputs = 50");
    RevisableOee unbroken = feed(new RevisableOee(settings), late);

    RevisableOee first = deliver(new RevisableOee(settings), late.subList(0, 400));
    assertTrue(first.revision().inputs().micros().length <= 50, "bounded");
    RevisableOee resumed = RevisableOee.restore(settings, first.state(), first.revision());
    feed(resumed, late.subList(400, late.size()));
    assertEquals(windows(unbroken), windows(resumed));
  }

  @Test
  void aSnapshotWithoutARevisionRestoresAndRevisesFromThenOn() {
    List<Input> inOrder = shift();
    RevisableOee first = deliver(new RevisableOee(settings("")), inOrder.subList(0, 300));
    RevisableOee resumed = RevisableOee.restore(settings(""), first.state(), null);
    List<Input> rest = deliverLate(inOrder.subList(300, inOrder.size()), STOP_AT, at("2024-03-04T11:30:59Z"));
    feed(resumed, rest);
    assertEquals(windows(feed(new RevisableOee(settings("")), inOrder)), windows(resumed));
  }

  /** The worked example's telemetry: each state change, and both counters at second 59 of every minute. */
  private static List<Input> shift() {
    Map<Long, Integer> changes = new TreeMap<>(Map.ofEntries(
        Map.entry(at("2024-03-04T05:50:00Z"), 2), Map.entry(SHIFT_START, 1),
        Map.entry(at("2024-03-04T08:00:00Z"), 2), Map.entry(at("2024-03-04T08:15:00Z"), 1),
        Map.entry(at("2024-03-04T10:00:00Z"), 2), Map.entry(at("2024-03-04T10:30:00Z"), 1),
        Map.entry(STOP_AT, 0), Map.entry(at("2024-03-04T11:47:00Z"), 1),
        Map.entry(at("2024-03-04T12:00:00Z"), 2), Map.entry(at("2024-03-04T12:15:00Z"), 1),
        Map.entry(at("2024-03-04T14:00:00Z"), 2)));
    List<Input> inputs = new ArrayList<>();
    long runMinutes = 0;
    int state = 2;
    for (long minute = at("2024-03-04T05:50:00Z"); minute < SHIFT_END; minute += MINUTE) {
      Integer change = changes.get(minute);
      if (change != null) {
        state = change;
        inputs.add(new Input(OeeAccumulator.RUN_STATUS, state, minute));
      }
      if (minute >= SHIFT_START && state == 1) {
        runMinutes++;
      }
      long readAt = minute + 59 * SECOND;
      inputs.add(new Input(OeeAccumulator.CYCLE_COUNT, 1_000_000 + 19_271 * runMinutes / 373, readAt));
      inputs.add(new Input(OeeAccumulator.DEFECT_COUNT, 5_000 + 423 * runMinutes / 373, readAt));
    }
    return inputs;
  }

  /** The inputs with the one at {@code micros} moved to just after the last one at or before {@code deliveredAfter}. */
  private static List<Input> deliverLate(List<Input> inputs, long micros, long deliveredAfter) {
    List<Input> moved = new ArrayList<>(inputs);
    Input late = moved.stream().filter(i -> i.micros() == micros).findFirst().orElseThrow();
    moved.remove(late);
    int at = 0;
    while (at < moved.size() && moved.get(at).micros() <= deliveredAfter) {
      at++;
    }
    moved.add(at, late);
    return moved;
  }

  /** Delivers the inputs, then moves time past the shift. */
  private static RevisableOee feed(RevisableOee oee, List<Input> inputs) {
    deliver(oee, inputs);
    oee.advanceTo(SHIFT_END + MINUTE);
    return oee;
  }

  private static RevisableOee deliver(RevisableOee oee, List<Input> inputs) {
    inputs.forEach(i -> oee.onReading(i.signal(), i.value(), i.micros()));
    return oee;
  }

  private static Map<OeeBucket, List<OeeWindow>> windows(RevisableOee oee) {
    return windows(bucket -> oee.windows(bucket, SHIFT_START - 60 * MINUTE, SHIFT_END + 60 * MINUTE));
  }

  private static Map<OeeBucket, List<OeeWindow>> windows(Function<OeeBucket, List<OeeWindow>> windowsOf) {
    Map<OeeBucket, List<OeeWindow>> all = new TreeMap<>();
    for (OeeBucket bucket : OeeBucket.values()) {
      all.put(bucket, windowsOf.apply(bucket));
    }
    return all;
  }

  /** What a plain accumulator (no revision) makes of the same inputs. */
  private static Map<OeeBucket, List<OeeWindow>> feedPlain(List<Input> inputs) {
    OeeAccumulator oee = new OeeAccumulator(settings(""));
    inputs.forEach(i -> oee.onReading(i.signal(), i.value(), i.micros()));
    oee.advanceTo(SHIFT_END + MINUTE);
    return windows(bucket -> oee.windows(bucket, SHIFT_START - 60 * MINUTE, SHIFT_END + 60 * MINUTE));
  }

  private static OeeSettings settings(String extra) {
    return OeeFixtures.settings(SETTINGS + "\n" + extra);
  }
}
