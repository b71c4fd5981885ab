package io.twinworks.runtime.alert;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.runtime.alert.AppendBroadcast.Appended;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The alert hub's append notice as it crosses nodes: with its changes, and as a node of the version before sent it. */
class AppendNoticeSerializationTest {

  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final TwinId TWIN = TwinId.of("acme:line1:cnc01");
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aNoticeWithItsChangesRoundTrips() throws Exception {
    Appended notice = new Appended(8, List.of(
        new LoggedAlert(7, alert(TWIN, 3, Severity.CRITICAL, AlertState.ACTIVE, T0)),
        new LoggedAlert(8, alert(TWIN, 3, Severity.CRITICAL, AlertState.CLEARED, T0))));
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer serializer = serialization.findSerializerFor(notice);
    byte[] bytes = serialization.serialize(notice).get();
    assertEquals(notice, serialization.deserialize(bytes, serializer.identifier(),
        Serializers.manifestFor(serializer, notice)).get());
  }

  @Test
  void aNoticeOfTheVersionBeforeHasNoChanges() throws Exception {
    Serialization serialization = SerializationExtension.get(testKit.system());
    Appended sample = new Appended(5, List.of());
    Serializer serializer = serialization.findSerializerFor(sample);
    byte[] old = new ObjectMapper(new CBORFactory()).writeValueAsBytes(Map.of("lastSeq", 5));
    assertEquals(sample, serialization.deserialize(old, serializer.identifier(),
        Serializers.manifestFor(serializer, sample)).get());
  }
}
