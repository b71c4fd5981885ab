package io.twinworks.connectors.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkplugTopicTest {

  @Test
  void nodeTopicHasGroupTypeAndNode() {
    SparkplugTopic topic = SparkplugTopic.parse("spBv1.0/plant1/NDATA/edge7");
    assertEquals(new EdgeNodeId("plant1", "edge7"), topic.edgeNode());
    assertEquals(MessageType.NDATA, topic.type());
    assertEquals(Optional.empty(), topic.device());
  }

  @Test
  void deviceTopicAddsTheDevice() {
    SparkplugTopic topic = SparkplugTopic.parse("spBv1.0/plant1/DDATA/edge7/press-3");
    assertEquals(MessageType.DDATA, topic.type());
    assertEquals(Optional.of("press-3"), topic.device());
  }

  @Test
  void hostStateTopicIsRecognised() {
    assertEquals(MessageType.STATE, SparkplugTopic.parse("spBv1.0/STATE/scada-1").type());
  }

  @Test
  void wrongShapesAreRefusedWithTheReason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkplugTopic.parse("spBv1.0/plant1/NFOO/edge7"))
        .getMessage().contains("unknown message type 'NFOO'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkplugTopic.parse("spBv1.0/plant1/DDATA/edge7"))
        .getMessage().contains("must have 5 levels"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkplugTopic.parse("spBv1.0/plant1/NDATA/edge7/x"))
        .getMessage().contains("must have 4 levels"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkplugTopic.parse("spBv1.0//NDATA/edge7"))
        .getMessage().contains("empty level"));
  }

  @Test
  void commandTopicOfANode() {
    assertEquals("spBv1.0/plant1/NCMD/edge7", new EdgeNodeId("plant1", "edge7").commandTopic());
  }
}
