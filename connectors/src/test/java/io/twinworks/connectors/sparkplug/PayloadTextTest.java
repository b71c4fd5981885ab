package io.twinworks.connectors.sparkplug;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTextTest {

  @Test
  void deadLettersShowThePayloadAsText() {
    String text = new String(PayloadText.of(EdgeNodeMessages.payload(7, EdgeNodeMessages.alias(99).setDoubleValue(1))),
        StandardCharsets.UTF_8);
    assertTrue(text.contains("alias: 99") && text.contains("seq: 7"), text);
    byte[] garbage = {(byte) 0xff, 0x01};
    assertSame(garbage, PayloadText.of(garbage), "not protobuf: kept as it is");
  }
}
