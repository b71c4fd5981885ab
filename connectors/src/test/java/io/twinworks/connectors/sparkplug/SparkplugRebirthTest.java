package io.twinworks.connectors.sparkplug;

import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.RECEIVED;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.alias;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.named;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.nodeBirth;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.junit.jupiter.api.Test;

/** When the host asks an edge node to publish its births again. */
class SparkplugRebirthTest {

  private static final String NDATA = "spBv1.0/plant1/NDATA/edge7";
  private static final Optional<EdgeNodeId> EDGE7 = Optional.of(new EdgeNodeId("plant1", "edge7"));

  private final SparkplugSessions sessions = new SparkplugSessions(TwinKind.MACHINE, Duration.ofSeconds(5));

  private SparkplugResult decode(String topic, byte[] payload, Instant at) {
    return sessions.decode(topic, payload, at);
  }

  @Test
  void aSequenceGapAsksForRebirthAndKeepsTheData() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(1), RECEIVED);
    decode(NDATA, payload(1, alias(1).setDoubleValue(22)), RECEIVED);
    SparkplugResult gap = decode(NDATA, payload(3, alias(1).setDoubleValue(23)), RECEIVED); // 2 is missing
    assertEquals(EDGE7, gap.rebirth());
    assertEquals(1, gap.readings().size());
    assertEquals(Optional.empty(), gap.rejected());
  }

  @Test
  void pastTheBoundTheLeastRecentlyHeardFromNodeIsForgottenAndAskedForRebirth() {
    SparkplugSessions twoNodes = new SparkplugSessions(TwinKind.MACHINE, Duration.ofSeconds(5), 2, Duration.ofDays(1), 262_144);
    twoNodes.decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(1), RECEIVED);
    twoNodes.decode("spBv1.0/plant1/NBIRTH/edge8", nodeBirth(1), RECEIVED);
    // edge7 heard from again, so edge8 is now the least recent and goes when edge9 is born
    assertEquals(Optional.empty(), twoNodes.decode(NDATA, payload(1, alias(1).setDoubleValue(22)), RECEIVED).rebirth());
    twoNodes.decode("spBv1.0/plant1/NBIRTH/edge9", nodeBirth(1), RECEIVED);

    assertEquals(Optional.empty(), twoNodes.decode(NDATA, payload(2, alias(1).setDoubleValue(23)), RECEIVED).rebirth());
    assertEquals(Optional.of(new EdgeNodeId("plant1", "edge8")),
        twoNodes.decode("spBv1.0/plant1/NDATA/edge8", payload(1, alias(1).setDoubleValue(5)), RECEIVED).rebirth());
  }

  @Test
  void theSequenceWrapsFrom255To0() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(1), RECEIVED);
    for (int seq = 1; seq <= 255; seq++) {
      assertEquals(Optional.empty(), decode(NDATA, payload(seq, alias(1).setDoubleValue(seq)), RECEIVED).rebirth());
    }
    assertEquals(Optional.empty(), decode(NDATA, payload(0, alias(1).setDoubleValue(0)), RECEIVED).rebirth());
  }

  @Test
  void anUnknownAliasAsksForRebirthAndTheRestIsUsed() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(1), RECEIVED);
    SparkplugResult data = decode(NDATA, payload(1, alias(1).setDoubleValue(22), alias(99).setDoubleValue(5)),
        RECEIVED);
    assertEquals(EDGE7, data.rebirth());
    assertEquals(1, data.readings().size());
  }

  @Test
  void deviceDataBeforeItsBirthAsksForRebirth() {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(1), RECEIVED);
    SparkplugResult data = decode("spBv1.0/plant1/DDATA/edge7/press-3", payload(1, alias(10).setFloatValue(2)),
        RECEIVED);
    assertEquals(EDGE7, data.rebirth());
    assertEquals(0, data.readings().size());
  }

  @Test
  void dataByNameBeforeAnyBirthIsUsedWhileARebirthIsAskedFor() {
    SparkplugResult data = decode(NDATA, payload(17, named("Temperature", 1, DataType.Double).setDoubleValue(20)),
        RECEIVED);
    assertEquals(EDGE7, data.rebirth());
    assertEquals(1, data.readings().size());
    assertEquals(Optional.empty(), data.rejected());
  }

  @Test
  void aNodeIsAskedAtMostOncePerIntervalUntilItIsBornAgain() {
    byte[] orphan = payload(7, alias(1).setDoubleValue(20));
    assertEquals(EDGE7, decode(NDATA, orphan, RECEIVED).rebirth());
    // 4.999 s later: within the 5 s interval; at 5 s: asked again
    assertEquals(Optional.empty(), decode(NDATA, orphan, RECEIVED.plusMillis(4_999)).rebirth());
    assertEquals(EDGE7, decode(NDATA, orphan, RECEIVED.plusMillis(5_000)).rebirth());
    // a birth answers the request: the next gap asks at once
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(1), RECEIVED.plusMillis(5_001));
    assertEquals(EDGE7, decode(NDATA, payload(9, alias(1).setDoubleValue(20)), RECEIVED.plusMillis(5_002)).rebirth());
  }
}
