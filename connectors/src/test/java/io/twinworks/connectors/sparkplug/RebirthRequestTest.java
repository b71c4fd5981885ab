package io.twinworks.connectors.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.junit.jupiter.api.Test;

class RebirthRequestTest {

  @Test
  void asksForARebirthWithOneTrueBoolean() throws Exception {
    Payload payload = Payload.parseFrom(RebirthRequest.payload(EdgeNodeMessages.RECEIVED));
    assertEquals(EdgeNodeMessages.RECEIVED.toEpochMilli(), payload.getTimestamp());
    assertEquals(1, payload.getMetricsCount());
    assertEquals("Node Control/Rebirth", payload.getMetrics(0).getName());
    assertEquals(DataType.Boolean.getNumber(), payload.getMetrics(0).getDatatype());
    assertTrue(payload.getMetrics(0).getBooleanValue());
  }
}
