package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.SECOND;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.twins.alert.Finding;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshot at the midpoint, restore, continue: bit-identical to never having stopped. */
class OeeSnapshotTest {

  private static final OeeSettings SETTINGS = OeeFixtures.settings("""
      ideal-cycle-time = 0.7s
      calendar {
        zone = "Europe/Berlin"
        shifts = [
          { name = early, start = "06:00", end = "14:00", breaks = [{ start = "09:00", end = "09:20" }] },
          { name = night, start = "22:00", end = "06:00", breaks = [{ start = "02:00", end = "02:30" }] }
        ]
      }
      history { quarter-hour = 100, hour = 30, shift = 4 }
      oee-low { enabled = true, below = 0.5, clear-above = 0.55, bucket = PT15M }
      """);

  private record Input(String signal, double value, long micros) {}

  /** Two days over the spring-forward weekend, a reading every 20 s: state changes, counters, a PLC reset. */
  private static List<Input> telemetry() {
    List<Input> inputs = new ArrayList<>();
    long start = at("2024-03-30T00:00", ZoneId.of("Europe/Berlin"));
    long parts = 5_000;
    long rejects = 40;
    for (int i = 0; i < 2 * 24 * 180; i++) {
      long t = start + i * 20 * SECOND;
      if (i % 37 == 0) {
        inputs.add(new Input(OeeAccumulator.RUN_STATUS, (i / 37) % 5 == 0 ? 0 : (i / 37) % 11 == 0 ? 3 : 1, t));
      }
      parts = i == 4_000 ? 12 : parts + i % 29; // a reset halfway through the first night
      rejects += i % 97 == 0 ? 1 : 0;
      inputs.add(new Input(OeeAccumulator.CYCLE_COUNT, parts, t + SECOND));
      inputs.add(new Input(OeeAccumulator.DEFECT_COUNT, rejects, t + 2 * SECOND));
      if (i % 90 == 0) {
        inputs.add(new Input("tick", 0, t + 3 * SECOND));
      }
    }
    return inputs;
  }

  private static List<Finding> feed(OeeAccumulator oee, List<Input> inputs) {
    List<Finding> findings = new ArrayList<>();
    for (Input input : inputs) {
      findings.addAll(input.signal().equals("tick")
          ? oee.advanceTo(input.micros()) : oee.onReading(input.signal(), input.value(), input.micros()));
    }
    return findings;
  }

  @Test
  void restoredFromJsonAtTheMidpointContinuesBitForBit() throws Exception {
    List<Input> inputs = telemetry();
    List<Input> firstHalf = inputs.subList(0, inputs.size() / 2);
    List<Input> secondHalf = inputs.subList(inputs.size() / 2, inputs.size());

    OeeAccumulator straight = new OeeAccumulator(SETTINGS);
    feed(straight, firstHalf);
    List<Finding> straightFindings = feed(straight, secondHalf);

    OeeAccumulator before = new OeeAccumulator(SETTINGS);
    feed(before, firstHalf);
    ObjectMapper json = new ObjectMapper();
    String snapshot = json.writeValueAsString(before.state());
    OeeAccumulator restored = OeeAccumulator.restore(SETTINGS, json.readValue(snapshot, OeeAccumulator.State.class));
    List<Finding> restoredFindings = feed(restored, secondHalf);

    assertFalse(straightFindings.isEmpty(), "the scenario raises and clears oee-low");
    assertEquals(straightFindings, restoredFindings);
    assertEquals(straight.state(), restored.state());
    for (OeeBucket bucket : OeeBucket.values()) {
      List<OeeWindow> windows = straight.windows(bucket, 0, Long.MAX_VALUE);
      assertFalse(windows.isEmpty());
      assertEquals(windows, restored.windows(bucket, 0, Long.MAX_VALUE), bucket.json());
    }
  }

  @Test
  void sameInputsGiveTheSameState() {
    OeeAccumulator one = new OeeAccumulator(SETTINGS);
    OeeAccumulator two = new OeeAccumulator(SETTINGS);
    assertEquals(feed(one, telemetry()), feed(two, telemetry()));
    assertEquals(one.state(), two.state());
  }

  @Test
  void restoreWithAShorterHistoryDropsTheOldestWindows() {
    OeeAccumulator oee = new OeeAccumulator(SETTINGS);
    feed(oee, telemetry());
    OeeSettings shorter = OeeFixtures.settings("history.hour = 5");
    OeeAccumulator restored = OeeAccumulator.restore(shorter, oee.state());
    List<OeeWindow> hours = oee.windows(OeeBucket.HOUR, 0, Long.MAX_VALUE);
    assertEquals(hours.subList(hours.size() - 6, hours.size()), restored.windows(OeeBucket.HOUR, 0, Long.MAX_VALUE),
        "the last 5 closed hours and the open one");
  }
}
