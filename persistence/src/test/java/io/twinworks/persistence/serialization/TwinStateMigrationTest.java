package io.twinworks.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.twinworks.twins.CborSerializable;
import io.twinworks.twins.Quality;
import io.twinworks.twins.SignalState;
import io.twinworks.twins.TwinSnapshot;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TwinStateMigrationTest {

  /** The shape snapshots had before analytics: the state record itself. */
  record OldTwinState(Map<String, SignalState> signals, long lastSeenMicros, long readings, long duplicates, long late)
      implements CborSerializable {}

  private static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void anOldStateSnapshotIsReadAsASnapshotWithFreshAnalytics() {
    SignalState temperature = new SignalState(21.5, 1_700_000_000_000_000L, Quality.GOOD, new long[] {1_700_000_000_000_000L});
    OldTwinState old = new OldTwinState(Map.of("temperature", temperature), 1_700_000_000_100_000L, 42, 3, 1);
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer serializer = serialization.findSerializerFor(old);
    byte[] bytes = serialization.serialize(old).get();

    Object read = serialization.deserialize(bytes, serializer.identifier(), "io.twinworks.twins.TwinState").get();

    TwinSnapshot snapshot = (TwinSnapshot) read;
    assertEquals(21.5, snapshot.signals().get("temperature").value());
    assertEquals(1_700_000_000_100_000L, snapshot.lastSeenMicros());
    assertEquals(42, snapshot.readings());
    assertEquals(3, snapshot.duplicates());
    assertEquals(1, snapshot.late());
    assertEquals("{}", snapshot.config().json());
    assertNull(snapshot.analytics());
    assertNull(snapshot.alerts());
  }
}
