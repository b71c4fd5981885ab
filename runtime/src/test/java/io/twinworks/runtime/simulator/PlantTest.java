package io.twinworks.runtime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PlantTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long START = 1_740_000_000_000L;
  private static final long TEN_MINUTES = 600_000;

  @Test
  void publishesTheDefaultPlantAtItsRates() {
    List<SimMessage> oneSecond = new Plant(SimulatorSettings.defaults(), START).due(START + 999);

    assertEquals(100, count(oneSecond, t -> t.startsWith("factory/")), "10 machines at 10 Hz");
    assertEquals(200, count(oneSecond, t -> t.startsWith("sensors/")), "20 sensors at 10 Hz");
    assertEquals(96, count(oneSecond, t -> t.startsWith("tenants/")), "2 packs × 16 cells × 3 at 1 Hz");
    assertTrue(topics(oneSecond).contains("factory/line2/cnc05/telemetry"));
    assertTrue(topics(oneSecond).contains("sensors/HUM-06/data"));
    assertTrue(topics(oneSecond).contains("tenants/acme/plants/p1/racks/r1/packs/pk2/cells/16/soc"));
  }

  @Test
  void everyRegularPayloadIsValidAndCountersOnlyGrow() throws IOException {
    Map<String, long[]> lastCounters = new HashMap<>();
    boolean sawStop = false;
    for (SimMessage message : run(settings(false, 42), TEN_MINUTES / 3)) {
      JsonNode json = JSON.readTree(message.payload());
      if (message.topic().startsWith("factory/")) {
        JsonNode readings = json.get("readings");
        long[] now = {readings.get("cycle_count").longValue(), readings.get("defect_count").longValue()};
        long[] before = lastCounters.put(message.topic(), now);
        if (before != null) {
          assertTrue(now[0] >= before[0] && now[1] >= before[1], "counters went back on " + message.topic());
        }
        sawStop |= readings.get("run_status").intValue() == 0;
      } else if (message.topic().startsWith("sensors/")) {
        assertTrue(json.get("timestamp").isIntegralNumber());
      } else {
        assertTrue(json.isNumber() || json.get("value").isNumber(), message.payload());
      }
    }
    assertTrue(sawStop, "some machine stops in a few minutes");
    lastCounters.forEach(
        (topic, counters) -> assertTrue(counters[0] > 0, "cycle_count on " + topic));
  }

  @Test
  void machinesCompleteAPartEveryFewSeconds() throws IOException {
    List<SimMessage> messages = run(new SimulatorSettings(1, 1, 0, 0, 0, 10, 10, 1, 7, false), TEN_MINUTES);
    long first = -1;
    long last = -1;
    for (SimMessage message : messages) {
      if (message.topic().equals("factory/line1/cnc01/telemetry")) {
        long cycles = JSON.readTree(message.payload()).at("/readings/cycle_count").longValue();
        first = first < 0 ? cycles : first;
        last = cycles;
      }
    }
    long parts = last - first;
    assertTrue(parts > 20 && parts <= 50, "parts in ten minutes: " + parts);
  }

  @Test
  void aSeedReplaysTheSamePlant() {
    List<SimMessage> a = run(small(42), TEN_MINUTES);
    List<SimMessage> b = run(small(42), TEN_MINUTES);
    List<SimMessage> other = run(small(43), TEN_MINUTES);

    assertEquals(a, b);
    assertNotEquals(a, other);
  }

  @Test
  void faultsShowUpWhenEnabledAndOnlyThen() throws IOException {
    FaultCounts seen = faults(run(settings(true, 42), TEN_MINUTES));
    assertTrue(seen.spikes() > 0, "spindle temperature spike: " + seen);
    assertTrue(seen.bursts() > 0, "vibration burst: " + seen);
    assertTrue(seen.hotCells() > 0, "hot cell: " + seen);
    assertTrue(seen.stuckRuns() > 0, "stuck sensor: " + seen);
    assertEquals(10, seen.malformed(), "one malformed payload a minute");

    assertEquals(new FaultCounts(0, 0, 0, 0, 0), faults(run(settings(false, 42), TEN_MINUTES / 3)));
  }

  @Test
  void rejectsNonsenseSettings() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulatorSettings(2, 5, 20, 2, 16, 0, 10, 1, 42, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulatorSettings(-1, 5, 20, 2, 16, 10, 10, 1, 42, true));
  }

  private static SimulatorSettings settings(boolean faults, long seed) {
    return new SimulatorSettings(2, 5, 20, 2, 16, 10, 10, 1, seed, faults);
  }

  /** A plant with a little of everything, faults on. */
  private static SimulatorSettings small(long seed) {
    return new SimulatorSettings(1, 2, 3, 1, 4, 10, 10, 1, seed, true);
  }

  /** Drives a plant in 100 ms ticks, as the simulator does, for {@code millis} of plant time. */
  private static List<SimMessage> run(SimulatorSettings settings, long millis) {
    Plant plant = new Plant(settings, START);
    List<SimMessage> messages = new java.util.ArrayList<>();
    for (long t = START; t < START + millis; t += 100) {
      plant.due(t, messages::add);
    }
    return messages;
  }

  /** What a listener sees of each injected fault; a stuck run is 20 s of one identical value. */
  private record FaultCounts(int spikes, int bursts, int hotCells, int stuckRuns, int malformed) {}

  private static FaultCounts faults(List<SimMessage> messages) throws IOException {
    int spikes = 0;
    int bursts = 0;
    int hotCells = 0;
    int stuckRuns = 0;
    int malformed = 0;
    Map<String, String> lastValue = new HashMap<>();
    Map<String, Integer> repeats = new HashMap<>();
    for (SimMessage message : messages) {
      if (message.readings() == 0) {
        malformed++;
        continue;
      }
      JsonNode json = JSON.readTree(message.payload());
      String topic = message.topic();
      if (topic.startsWith("factory/")) {
        spikes += json.at("/readings/spindle_temperature").doubleValue() > 80 ? 1 : 0;
        bursts += json.at("/readings/vibration").doubleValue() > 8 ? 1 : 0;
      } else if (topic.startsWith("sensors/")) {
        String value = sensorValue(json);
        int same = value.equals(lastValue.put(topic, value)) ? repeats.merge(topic, 1, Integer::sum) : 0;
        repeats.put(topic, same);
        stuckRuns += same == 200 ? 1 : 0; // 20 s at 10 Hz
      } else if (topic.endsWith("/temperature")) {
        double celsius = json.isNumber() ? json.doubleValue() : json.get("value").doubleValue();
        hotCells += celsius > 45 ? 1 : 0;
      }
    }
    return new FaultCounts(spikes, bursts, hotCells, stuckRuns, malformed);
  }

  private static String sensorValue(JsonNode json) {
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      if (!field.getKey().equals("sensor_id") && !field.getKey().equals("timestamp")) {
        return field.getValue().asText();
      }
    }
    throw new AssertionError("no value in " + json);
  }

  private static long count(List<SimMessage> messages, Predicate<String> topic) {
    return messages.stream().map(SimMessage::topic).filter(topic).count();
  }

  private static List<String> topics(List<SimMessage> messages) {
    return messages.stream().map(SimMessage::topic).toList();
  }
}
