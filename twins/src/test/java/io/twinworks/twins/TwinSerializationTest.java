package io.twinworks.twins;

import io.twinworks.twins.TwinEvent.AlertAcknowledged;
import io.twinworks.twins.TwinEvent.AlertsDelivered;
import io.twinworks.twins.TwinEvent.ConfigChanged;
import io.twinworks.twins.TwinEvent.CommunicationLost;
import io.twinworks.twins.TwinEvent.HeartbeatChecked;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import io.twinworks.twins.heartbeat.HealthStatus;
import io.twinworks.twins.time.ClockDriftEstimator;
import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.temp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Events, state and replies survive Jackson CBOR, the binding persistence/ uses. */
class TwinSerializationTest {

  private static final ActorTestKit testKit = ActorTestKit.create(Fixtures.eventSourcedConfig());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static <T> T roundTrip(T message, boolean equal) {
    String serializer = SerializationExtension.get(Adapter.toClassic(testKit.system()))
        .findSerializerFor(message).getClass().getSimpleName();
    assertEquals("JacksonCborSerializer", serializer);
    return testKit.serializationTestKit().verifySerialization(message, equal);
  }

  private static TwinState stateWithRing() {
    TwinState state = Fixtures.emptySensor();
    for (int s = 0; s < SignalState.RECENT + 3; s++) {
      state = state.recorded(BatchClassifier.classify(state, List.of(temp(s, s))).event().orElseThrow());
    }
    return state;
  }

  @Test
  void snapshotKeepsLatestValuesRingCountersAndAnalytics() {
    TwinState state = stateWithRing();
    TwinState back = roundTrip(TwinSnapshot.of(state), false).restore(Fixtures.SENSOR, TwinKind.SENSOR, Fixtures.ANALYTICS);
    assertEquals(state.view(Fixtures.SENSOR, TwinKind.SENSOR, TwinSummary.NONE),
        back.view(Fixtures.SENSOR, TwinKind.SENSOR, TwinSummary.NONE));
    assertArrayEquals(state.signals().get("temperature").recent(), back.signals().get("temperature").recent());
    assertEquals(state.lastSeenMicros(), back.lastSeenMicros());
    assertEquals(TwinSnapshot.of(state).analytics().detectors().keySet(), TwinSnapshot.of(back).analytics().detectors().keySet());
  }

  @Test
  void emptySnapshotRoundTrips() {
    roundTrip(TwinSnapshot.of(Fixtures.emptySensor()), false);
  }

  @Test
  void eventsRoundTrip() {
    RecordedSample sample = new RecordedSample("cell.1.voltage", 3.71, Quality.UNCERTAIN, T0.plusNanos(123_000), true);
    roundTrip(new ReadingsRecorded(List.of(sample), 2, T0), true);
    roundTrip(new HeartbeatChecked(T0), true);
    roundTrip(new CommunicationLost(T0, "sparkplug NDEATH of plant1/edge7"), true);
    roundTrip(new ConfigChanged(TwinConfig.of(Map.of("heartbeat-timeout", "PT1M",
        "detectors", Map.of("temp*", List.of(Map.of("type", "zscore", "k", 4)))))), true);
    roundTrip(new AlertAcknowledged("default:temp-01~3", T0), true);
    roundTrip(new AlertsDelivered(7), true);
  }

  @Test
  void repliesAndCommandsRoundTrip() {
    roundTrip(new Recorded(3, 1, 1), true);
    Alert alert = new Alert("acme:p1:r1:pk7~1", Fixtures.PACK, "cell-imbalance", Severity.WARNING, "voltage.spread",
        0.3, 0.05, Double.NaN, "cell-imbalance", AlertState.ACTIVE, T0, null, null, T0, Map.of("min", 3.6));
    TwinView pack = new TwinView(Fixtures.PACK, TwinKind.BATTERY_PACK, T0, HealthStatus.ONLINE,
        Map.of("cell.1.soc", new SignalValue(55, T0, Quality.GOOD)), 1, 0, 0, Map.of("cells", 1.0), List.of(alert),
        Map.of(), new ClockDriftEstimator.Estimate(12.5, 3.0, 10, true));
    assertEquals(pack.alerts().get(0).evidence(), roundTrip(pack, false).alerts().get(0).evidence());
    roundTrip(new TwinView(Fixtures.PACK, TwinKind.BATTERY_PACK, null, HealthStatus.UNKNOWN, Map.of(), 0, 0, 0,
        Map.of(), List.of(), Map.of(), new ClockDriftEstimator.Estimate(0, 0, 0, false)), true);
    roundTrip(temp(20, 1), true);
  }
}
