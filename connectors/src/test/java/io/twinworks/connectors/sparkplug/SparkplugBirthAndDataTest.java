package io.twinworks.connectors.sparkplug;

import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.NODE_MILLIS;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.RECEIVED;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.alias;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.named;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.nodeBirth;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;
import org.junit.jupiter.api.Test;

class SparkplugBirthAndDataTest {

  private final SparkplugSessions sessions = new SparkplugSessions(TwinKind.MACHINE, Duration.ofSeconds(5));

  private SparkplugResult decode(String topic, byte[] payload) {
    return sessions.decode(topic, payload, RECEIVED);
  }

  @Test
  void aMetricWithAnImpossibleTimeIsLeftOutAndTheMessageDeadLettered() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(1));
    // 5 ms after the epoch (a clock that was never set), and two days after the receive time
    SparkplugResult epoch = decode("spBv1.0/plant1/NDATA/edge7",
        payload(1, alias(1).setDoubleValue(22).setTimestamp(5), alias(2).setBooleanValue(false)));
    assertEquals(List.of("Running"), epoch.readings().stream().map(Reading::signal).toList());
    assertTrue(epoch.rejected().orElseThrow().contains("1 metric(s) left out")
        && epoch.rejected().orElseThrow().contains("1970-01-01T00:00:00.005Z"), epoch.rejected().toString());

    SparkplugResult future = decode("spBv1.0/plant1/NDATA/edge7",
        payload(2, alias(1).setDoubleValue(23).setTimestamp(RECEIVED.plus(Duration.ofDays(2)).toEpochMilli())));
    assertTrue(future.readings().isEmpty());
    assertTrue(future.rejected().orElseThrow().contains("twinworks.mqtt.max-future-skew"), future.rejected().toString());
  }

  @Test
  void nodeBirthGivesItsMetricsButNotTheProtocolOnes() {
    SparkplugResult birth = decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(3));
    Instant nodeTime = Instant.ofEpochMilli(NODE_MILLIS);
    TwinId node = TwinId.of("plant1:edge7");
    assertEquals(List.of(
        new Reading(node, TwinKind.MACHINE, "Temperature", 21.5, Quality.GOOD, nodeTime, RECEIVED,
            "sparkplug:plant1/edge7", 0),
        new Reading(node, TwinKind.MACHINE, "Running", 1, Quality.GOOD, nodeTime, RECEIVED,
            "sparkplug:plant1/edge7", 0)), birth.readings());
    assertEquals(Optional.empty(), birth.rebirth());
    assertEquals(Optional.empty(), birth.rejected());
  }

  @Test
  void nodeDataByAliasGetsTheBirthsNamesAndTheMetricsOwnTimestamp() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(3));
    SparkplugResult data = decode("spBv1.0/plant1/NDATA/edge7",
        payload(1, alias(1).setDoubleValue(22.75).setTimestamp(NODE_MILLIS + 500), alias(2).setBooleanValue(false)));
    assertEquals(List.of("Temperature", "Running"), data.readings().stream().map(Reading::signal).toList());
    assertEquals(List.of(22.75, 0.0), data.readings().stream().map(Reading::value).toList());
    // the metric's timestamp wins over the payload's (NODE_MILLIS); without one the payload's is used
    assertEquals(Instant.ofEpochMilli(NODE_MILLIS + 500), data.readings().get(0).sourceTime());
    assertEquals(Instant.ofEpochMilli(NODE_MILLIS), data.readings().get(1).sourceTime());
    assertEquals(1, data.readings().get(0).seq());
    assertEquals(Optional.empty(), data.rebirth());
  }

  @Test
  void deviceBirthDefinesItsOwnAliasesOnTheDeviceTwin() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(3));
    decode("spBv1.0/plant1/DBIRTH/edge7/press-3", payload(1,
        named("Pressure", 10, DataType.Float).setFloatValue(2.5f),
        named("Cycles", 11, DataType.UInt32).setLongValue(4_000_000_000L)));
    SparkplugResult data = decode("spBv1.0/plant1/DDATA/edge7/press-3", payload(2,
        alias(10).setFloatValue(2.75f), alias(11).setLongValue(4_000_000_001L)));
    assertEquals(List.of(2.75, 4_000_000_001.0), data.readings().stream().map(Reading::value).toList());
    assertTrue(data.readings().stream().allMatch(r -> r.twinId().equals(TwinId.of("plant1:edge7:press-3"))));
    assertEquals(Optional.empty(), data.rebirth());
  }

  @Test
  void qualityPropertyAndSkippedMetrics() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(3));
    SparkplugResult data = decode("spBv1.0/plant1/NDATA/edge7", payload(1,
        alias(1).setDoubleValue(23).setProperties(PropertySet.newBuilder().addKeys("Quality")
            .addValues(PropertyValue.newBuilder().setIntValue(64))),
        named("Mode", 30, DataType.String).setStringValue("AUTO"),
        alias(2).setIsNull(true)));
    assertEquals(1, data.readings().size(), "the string and the null metric are skipped: " + data.readings());
    assertEquals(Quality.UNCERTAIN, data.readings().get(0).quality());
    assertEquals(Optional.empty(), data.rejected());
  }

  @Test
  void commandsAndHostStateAreNotIngested() {
    assertEquals(SparkplugResult.nothing(), decode("spBv1.0/plant1/NCMD/edge7",
        RebirthRequest.payload(RECEIVED)));
    assertEquals(SparkplugResult.nothing(), decode("spBv1.0/STATE/scada-1", "{\"online\":true}".getBytes()));
  }

  @Test
  void aPayloadThatIsNotProtobufIsRejected() {
    SparkplugResult result = decode("spBv1.0/plant1/NDATA/edge7", new byte[] {(byte) 0xff, 0x01, 0x02});
    assertTrue(result.rejected().orElseThrow().contains("is not a Sparkplug B payload"), result.toString());
  }

  @Test
  void aNameThatMakesNoTwinIdIsRejected() {
    SparkplugResult result = decode("spBv1.0/plant 1/NBIRTH/edge7", nodeBirth(0));
    assertTrue(result.rejected().orElseThrow().contains("gives no valid twin id"), result.toString());
  }
}
