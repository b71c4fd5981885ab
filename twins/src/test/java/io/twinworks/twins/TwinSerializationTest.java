package io.twinworks.twins;

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
    TwinState state = TwinState.empty();
    for (int s = 0; s < SignalState.RECENT + 3; s++) {
      state = state.recorded(BatchClassifier.classify(state, List.of(temp(s, s))).event().orElseThrow());
    }
    return state;
  }

  @Test
  void stateKeepsLatestValuesRingAndCounters() {
    TwinState state = stateWithRing();
    TwinState back = roundTrip(state, false);
    assertEquals(state.view(Fixtures.SENSOR, TwinKind.SENSOR, TwinSummary.NONE),
        back.view(Fixtures.SENSOR, TwinKind.SENSOR, TwinSummary.NONE));
    assertArrayEquals(state.signals().get("temperature").recent(), back.signals().get("temperature").recent());
    assertEquals(state.lastSeenMicros(), back.lastSeenMicros());
  }

  @Test
  void emptyStateRoundTrips() {
    roundTrip(TwinState.empty(), true);
  }

  @Test
  void eventsRoundTrip() {
    RecordedSample sample = new RecordedSample("cell.1.voltage", 3.71, Quality.UNCERTAIN, T0.plusNanos(123_000), true);
    roundTrip(new ReadingsRecorded(List.of(sample), 2, T0), true);
  }

  @Test
  void repliesAndCommandsRoundTrip() {
    roundTrip(new Recorded(3, 1, 1), true);
    roundTrip(new TwinView(Fixtures.PACK, TwinKind.BATTERY_PACK, T0,
        Map.of("cell.1.soc", new SignalValue(55, T0, Quality.GOOD)), 1, 0, 0, Map.of("cells", 1.0)), true);
    roundTrip(new TwinView(Fixtures.PACK, TwinKind.BATTERY_PACK, null, Map.of(), 0, 0, 0, Map.of()), true);
    roundTrip(temp(20, 1), true);
  }
}
