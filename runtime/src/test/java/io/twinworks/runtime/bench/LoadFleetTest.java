package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.route.Decoded;
import io.twinworks.connectors.route.TopicRoutes;
import io.twinworks.runtime.bench.WindowedPublisher.Outgoing;
import io.twinworks.twins.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The load's publishes: the readings each carries, as Twinworks' own default routes decode them. */
class LoadFleetTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final TopicRoutes ROUTES = TopicRoutes.fromConfig(ConfigFactory.load());

  @Test
  void eachPublishCarriesTheReadingsTheRoutesDecode() {
    LoadFleet fleet = LoadFleet.of(new LoadMix.Split(1, 1, 1), "");
    List<Outgoing> round = take(fleet, 50);
    // a sensor publish: 1 reading; a machine publish: 5; a pack emission: 16 cells × 3 metrics = 48 publishes of 1
    assertEquals(54, round.stream().mapToInt(Outgoing::readings).sum()); // 1 + 5 + 48
    Map<String, Integer> readingsByTwin = new HashMap<>();
    for (Outgoing message : round) {
      Decoded decoded = ROUTES.decode(message.topic(), message.payload(), NOW);
      List<Reading> readings = assertInstanceOf(Decoded.Accepted.class, decoded, message.topic()).readings();
      assertEquals(message.readings(), readings.size(), message.topic());
      readings.forEach(r -> readingsByTwin.merge(r.twinId().value(), 1, Integer::sum));
    }
    assertEquals(Map.of("default:BENCH-S0001", 1, "default:bench:m0001", 5, "acme:p1:r1:bench-pk0001", 48),
        readingsByTwin);
  }

  @Test
  void spreadsTheKindsThroughTheRound() {
    // sensors at (i + ½)/4 = 0.125, 0.375, 0.625, 0.875 of the round, the machine at ½
    LoadFleet fleet = LoadFleet.of(new LoadMix.Split(4, 1, 0), "");
    List<String> topics = take(fleet, 5).stream().map(Outgoing::topic).toList();
    assertEquals(List.of("sensors/BENCH-S0001/data", "sensors/BENCH-S0002/data", "factory/bench/m0001/telemetry",
        "sensors/BENCH-S0003/data", "sensors/BENCH-S0004/data"), topics);
  }

  @Test
  void aTwinNeverRepeatsASourceTime() {
    // three rounds of one sensor in the same millisecond: NOW, NOW + 1 ms, NOW + 2 ms
    LoadFleet fleet = LoadFleet.of(new LoadMix.Split(1, 0, 0), "");
    List<Instant> times = new ArrayList<>();
    for (Outgoing message : take(fleet, 3)) {
      Decoded.Accepted decoded = (Decoded.Accepted) ROUTES.decode(message.topic(), message.payload(), NOW);
      times.add(decoded.readings().get(0).sourceTime());
    }
    assertEquals(List.of(NOW, NOW.plusMillis(1), NOW.plusMillis(2)), times);
  }

  @Test
  void aPrefixedFleetKnowsTheReadingsOnEachTopic() {
    LoadFleet fleet = LoadFleet.of(new LoadMix.Split(1, 1, 0), BareBrokerRun.TOPIC_PREFIX);
    List<Outgoing> round = take(fleet, 2);
    assertTrue(round.stream().allMatch(m -> m.topic().startsWith("bench/")), round.toString());
    assertEquals(1, fleet.readingsOn("bench/sensors/BENCH-S0001/data"));
    assertEquals(5, fleet.readingsOn("bench/factory/bench/m0001/telemetry"));
    assertEquals(0, fleet.readingsOn("bench/sensors/OTHER/data"));
  }

  @Test
  void aRunOfNReadingsStopsAtTheFirstPublishThatReachesN() {
    // machines only, 5 readings a publish: 10 readings are two publishes; 12 need a third (15 readings)
    assertEquals(2, drain(new BoundedLoad(LoadFleet.of(new LoadMix.Split(0, 2, 0), ""), LoadLength.ofReadings(10))));
    assertEquals(3, drain(new BoundedLoad(LoadFleet.of(new LoadMix.Split(0, 2, 0), ""), LoadLength.ofReadings(12))));
  }

  private static List<Outgoing> take(LoadFleet fleet, int publishes) {
    List<Outgoing> messages = new ArrayList<>();
    for (int i = 0; i < publishes; i++) {
      messages.add(fleet.next(NOW));
    }
    return messages;
  }

  private static int drain(BoundedLoad load) {
    int publishes = 0;
    for (Optional<Outgoing> next = load.next(); next.isPresent(); next = load.next()) {
      publishes++;
    }
    return publishes;
  }
}
