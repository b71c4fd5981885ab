package io.twinworks.connectors.route;

import static io.twinworks.connectors.route.Decoding.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RejectedPayloadTest {

  private static final String MACHINE = "factory/line1/cnc01/telemetry";
  private static final String CELL = "tenants/acme/plants/p1/racks/r1/packs/pk7/cells/1/voltage";

  @Test
  void malformedJson() {
    assertTrue(reject(MACHINE, "{\"signal_name\":").startsWith("payload is not valid JSON: "));
    assertTrue(reject(CELL, "3.7 volts").startsWith("payload is not valid JSON: "));
  }

  @Test
  void emptyPayload() {
    assertEquals("payload is empty", reject(CELL, new byte[0]));
  }

  @Test
  void invalidUtf8() {
    byte[] payload = {'{', '"', 'a', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
    assertEquals("payload is not valid UTF-8 (bad byte at offset 3)", reject(MACHINE, payload));
  }

  @Test
  void nanTokenIsNotJson() {
    assertTrue(reject(CELL, "NaN").startsWith("payload is not valid JSON: "));
    assertTrue(reject(MACHINE, "{\"signal_name\":\"s\",\"value\":NaN}").startsWith("payload is not valid JSON: "));
  }

  @Test
  void numberOverflowingToInfinity() {
    assertEquals("payload is out of range: it overflows a double", reject(CELL, "1e999"));
    assertEquals("payload is out of range: it overflows a double", reject(CELL, "-1e999"));
  }

  @Test
  void wrongTypesNameTheField() {
    assertEquals("field 'value' is not a number: null", reject(CELL, "{\"value\":null}"));
    assertEquals("payload is not a JSON object: [1,2]", reject(MACHINE, "[1,2]"));
  }

  @Test
  void duplicateKeys() {
    assertTrue(reject(CELL, "{\"value\":1,\"value\":2}").contains("Duplicate field 'value'"));
  }

  @Test
  void unknownTopic() {
    assertEquals("no route for topic 'factory/line1/cnc01/status'", reject("factory/line1/cnc01/status", "1"));
  }

  @Test
  void topicLevelThatIsNoValidIdSegment() {
    String reason = reject("factory/line 1/cnc01/telemetry", "{\"signal_name\":\"s\",\"value\":1}");
    assertTrue(reason.startsWith("topic 'factory/line 1/cnc01/telemetry' gives no valid twin id: "), reason);
    assertTrue(reason.contains("invalid segment 'line 1'"), reason);
    assertTrue(reject("factory//cnc01/telemetry", "{}").contains("gives no valid twin id"));
  }

  @Test
  void payloadOverTheSizeLimit() {
    byte[] big = new byte[262_145];
    assertEquals("payload is 262145 bytes, more than the limit of 262144 (twinworks.mqtt.max-payload-bytes)",
        reject(CELL, big));
  }

  @Test
  void deepNesting() {
    String deep = "{\"value\":1,\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
    String reason = reject(CELL, deep);
    assertTrue(reason.startsWith("payload is not valid JSON: ") && reason.contains("nesting depth"), reason);
  }

  @Test
  void hugeNumberLiteral() {
    assertTrue(reject(CELL, "1" + "0".repeat(100)).contains("Number value length"));
  }
}
