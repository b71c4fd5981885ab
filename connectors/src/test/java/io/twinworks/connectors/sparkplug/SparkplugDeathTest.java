package io.twinworks.connectors.sparkplug;

import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.RECEIVED;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.alias;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.named;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.nodeBirth;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.nodeDeath;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.junit.jupiter.api.Test;

class SparkplugDeathTest {

  private static final TwinId NODE = TwinId.of("plant1:edge7");
  private static final TwinId PRESS = TwinId.of("plant1:edge7:press-3");

  private final SparkplugSessions sessions = new SparkplugSessions(TwinKind.MACHINE, Duration.ofSeconds(5));

  private SparkplugResult decode(String topic, byte[] payload) {
    return sessions.decode(topic, payload, RECEIVED);
  }

  private void birthWithDevice(long bdSeq) {
    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(bdSeq));
    decode("spBv1.0/plant1/DBIRTH/edge7/press-3", payload(1, named("Pressure", 10, DataType.Float).setFloatValue(2)));
  }

  @Test
  void nodeDeathLosesTheNodeAndItsDevices() {
    birthWithDevice(3);
    SparkplugResult death = decode("spBv1.0/plant1/NDEATH/edge7", nodeDeath(3));
    assertEquals(List.of(NODE, PRESS), death.lost());
    assertEquals(List.of(), death.readings());
    assertEquals(Optional.empty(), death.rebirth());
  }

  @Test
  void aDeathOfAnEarlierBirthIsStaleAndIgnored() {
    birthWithDevice(4);
    assertEquals(SparkplugResult.nothing(), decode("spBv1.0/plant1/NDEATH/edge7", nodeDeath(3)));
    // the session lives on: data by alias still resolves
    assertEquals(1, decode("spBv1.0/plant1/DDATA/edge7/press-3", payload(2, alias(10).setFloatValue(3)))
        .readings().size());
  }

  @Test
  void bdSeqAlwaysZeroIsTakenAsCurrent() {
    birthWithDevice(0);
    assertEquals(List.of(NODE, PRESS), decode("spBv1.0/plant1/NDEATH/edge7", nodeDeath(0)).lost());
  }

  @Test
  void deviceDeathLosesOnlyTheDevice() {
    birthWithDevice(3);
    SparkplugResult death = decode("spBv1.0/plant1/DDEATH/edge7/press-3", payload(2));
    assertEquals(List.of(PRESS), death.lost());
    assertEquals(Optional.empty(), death.rebirth());
    // after it, the node's death no longer names the device
    assertEquals(List.of(NODE), decode("spBv1.0/plant1/NDEATH/edge7", nodeDeath(3)).lost());
  }

  @Test
  void afterDeathDataByAliasAsksForRebirthAndANewBirthRestoresIt() {
    birthWithDevice(3);
    decode("spBv1.0/plant1/NDEATH/edge7", nodeDeath(3));
    SparkplugResult orphan = decode("spBv1.0/plant1/NDATA/edge7", payload(5, alias(1).setDoubleValue(30)));
    assertEquals(Optional.of(new EdgeNodeId("plant1", "edge7")), orphan.rebirth());
    assertTrue(orphan.rejected().orElseThrow().contains("no NBIRTH seen yet"), orphan.toString());

    decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(4));
    SparkplugResult data = decode("spBv1.0/plant1/NDATA/edge7", payload(1, alias(1).setDoubleValue(30)));
    assertEquals(List.of(30.0), data.readings().stream().map(r -> r.value()).toList());
    assertEquals(Optional.empty(), data.rebirth());
  }
}
