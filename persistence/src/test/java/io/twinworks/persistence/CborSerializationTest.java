package io.twinworks.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.CborSerializable;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CborSerializationTest {

  record Sample(TwinId id, TwinKind kind, Instant at, Duration window, List<Double> values)
      implements CborSerializable {}

  private static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void markerIsBoundToJacksonCborAndJavaTimeRoundTrips() {
    Sample sample = new Sample(TwinId.of("acme:p1:r1:pk7"), TwinKind.BATTERY_PACK,
        Instant.parse("2025-03-01T10:00:00.123456789Z"), Duration.ofMinutes(15), List.of(3.71, 3.69));
    assertEquals(sample, roundTrip(sample));
  }

  @Test
  void deadLetterRoundTrips() {
    DeadLetter letter = new DeadLetter(Instant.parse("2025-03-01T10:00:00Z"), "sensors/x/data", "bad", "{", 1);
    assertEquals(letter, roundTrip(letter));
  }

  @Test
  void invalidIdsAreRejectedOnRead() {
    Serialization serialization = SerializationExtension.get(testKit.system());
    Sample sample = new Sample(TwinId.of("acme:x"), TwinKind.SENSOR, Instant.EPOCH, Duration.ZERO, List.of());
    Serializer serializer = serialization.findSerializerFor(sample);
    byte[] bytes = serialization.serialize(sample).get();
    String manifest = Serializers.manifestFor(serializer, sample);
    byte[] broken = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("acme:x", "acme/x")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(serialization.deserialize(broken, serializer.identifier(), manifest).isFailure());
  }

  private static Object roundTrip(Object message) {
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer serializer = serialization.findSerializerFor(message);
    assertEquals(JacksonCborSerializer.class, serializer.getClass());
    byte[] bytes = serialization.serialize(message).get();
    String manifest = Serializers.manifestFor(serializer, message);
    return serialization.deserialize(bytes, serializer.identifier(), manifest).get();
  }
}
