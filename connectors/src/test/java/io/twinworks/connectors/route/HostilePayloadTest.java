package io.twinworks.connectors.route;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input through the default routes, one table per payload codec: every message is rejected with a reason
 * (matching the regular expression of its row) that says what was wrong (it becomes a dead letter), never accepted
 * as a garbage reading, never an exception.
 * Received at 2024-05-01T12:00:00Z, with the default limits: 256 KiB, nesting 16, max-future-skew 1 day, no time
 * before 2000.
 */
class HostilePayloadTest {

  private static final String CELL = "tenants/acme/plants/p1/racks/r1/packs/pk7/cells/1/voltage";   // value-json
  private static final String MACHINE = "factory/line1/cnc01/telemetry";                          // machine-json
  private static final String SENSOR = "sensors/TEMP-01/data";                                     // sensor-json
  private static final String EDGE = "edge/gw1/sensor/default:TEMP-01";                            // edge-json

  /** A payload of each codec carrying {@code value} and {@code timestamp} as raw JSON. */
  private record Shape(String topic, String template) {
    String with(String value, String timestamp) {
      return template.replace("$V", value).replace("$T", timestamp);
    }
  }

  private static final List<Shape> SHAPES = List.of(
      new Shape(CELL, "{\"value\":$V,\"timestamp\":$T}"),
      new Shape(MACHINE, "{\"signal_name\":\"spindle\",\"value\":$V,\"timestamp\":$T}"),
      new Shape(SENSOR, "{\"sensor_id\":\"TEMP-01\",\"temperature\":$V,\"timestamp\":$T}"),
      new Shape(EDGE,
          "{\"origin\":\"modbus:p1\",\"seq\":1,\"readings\":[{\"signal\":\"t\",\"value\":$V,\"timestamp\":$T}]}"));

  /** sensor-json ignores fields that are not numbers (a unit, a label), so it finds none. */
  private static final String NOT_A_NUMBER = "is not a number|no numeric field";
  private static final String NOW = "\"2024-05-01T12:00:00Z\"";

  static Stream<Arguments> everyCodec() {
    List<Arguments> rows = new ArrayList<>();
    for (Shape shape : SHAPES) {
      String t = shape.topic();
      rows.add(row(t, "truncated JSON", shape.with("1", NOW).substring(0, 20), "payload is not valid JSON"));
      rows.add(row(t, "trailing garbage", shape.with("1", NOW) + "}", "payload is not valid JSON"));
      rows.add(row(t, "deep nesting", shape.with("1", NOW).replace("{", "{\"x\":" + "[".repeat(200) + "]".repeat(200)
          + ","), "nesting depth"));
      rows.add(row(t, "huge message", shape.with("1", NOW) + " ".repeat(300_000), "more than the limit of 262144"));
      rows.add(row(t, "NaN literal", shape.with("NaN", NOW), "payload is not valid JSON"));
      rows.add(row(t, "Infinity literal", shape.with("Infinity", NOW), "payload is not valid JSON"));
      rows.add(row(t, "-Infinity literal", shape.with("-Infinity", NOW), "payload is not valid JSON"));
      rows.add(row(t, "number overflowing a double", shape.with("1e999", NOW), "overflows a double"));
      rows.add(row(t, "number too long", shape.with("1" + "0".repeat(1000), NOW), "Number value length"));
      rows.add(row(t, "value a string", shape.with("\"1; DROP TABLE twins\"", NOW), NOT_A_NUMBER));
      rows.add(row(t, "value an object", shape.with("{\"$gt\":1}", NOW), NOT_A_NUMBER));
      rows.add(row(t, "timestamp 10 years ahead", shape.with("1", "\"2034-05-01T12:00:00Z\""), "in the future"));
      rows.add(row(t, "timestamp 2 days ahead", shape.with("1", "\"2024-05-03T12:00:01Z\""), "in the future"));
      rows.add(row(t, "epoch ms far ahead", shape.with("1", "99999999999999999999"), "in the future"));
      rows.add(row(t, "timestamp in 1970", shape.with("1", "0"), "is before 2000"));
      rows.add(row(t, "negative epoch", shape.with("1", "-1714564800000"), "is before 2000"));
      rows.add(row(t, "year 999999999", shape.with("1", "\"+999999999-12-31T23:59:59Z\""), "in the future"));
      rows.add(row(t, "timestamp without zone", shape.with("1", "\"2024-05-01T12:00:00\""), "has no time zone"));
      rows.add(row(t, "timestamp NaN-ish text", shape.with("1", "\"NaN\""), "is not a timestamp"));
      rows.add(row(t, "timestamp 1e999", shape.with("1", "1e999"), "overflows a double"));
      rows.add(row(t, "invalid UTF-8", bytes(shape.with("1", NOW), (byte) 0xC3, (byte) 0x28), "not valid UTF-8"));
      rows.add(row(t, "UTF-16 surrogate bytes", bytes(shape.with("1", NOW), (byte) 0xED, (byte) 0xA0, (byte) 0x80),
          "not valid UTF-8"));
      rows.add(row(t, "empty", "", "payload is empty"));
    }
    return rows.stream();
  }

  static Stream<Arguments> topicsAndNames() {
    String machine = "{\"signal_name\":\"s\",\"value\":1}";
    String sensor = "{\"temperature\":1}";
    String edge = "{\"origin\":\"modbus:p1\",\"seq\":1,\"readings\":[{\"signal\":\"t\",\"value\":1}]}";
    return Stream.of(
        row("factory/line:1/cnc01/telemetry", "':' in a level", machine, "with ':', which would add a segment"),
        row("sensors/acme:TEMP-01/data", "':' smuggling a segment", sensor, "with ':', which would add a segment"),
        row("factory/../cnc01/telemetry", "'..' level", machine, "invalid segment '..'"),
        row("sensors/./data", "'.' level", sensor, "invalid segment '.'"),
        row("factory/line\u0000/cnc01/telemetry", "NUL in a level", machine, "invalid segment 'line\\?'"),
        row("factory/line\n1/cnc01/telemetry", "newline in a level", machine, "invalid segment 'line\\?1'"),
        row("factory//cnc01/telemetry", "empty level", machine, "gives no valid twin id"),
        row("sensors/" + "x".repeat(300) + "/data", "id over 256 characters", sensor, "longer than 256"),
        row("edge/gw1/sensor/default:..:x", "'..' in an edge twin id", edge, "invalid segment '..'"),
        row("edge/gw1/sensor/nocolon", "edge twin id without tenant", edge, "needs a tenant"),
        row("edge/gw1/sensor/default:a%2F..", "URL-encoded slash", edge, "invalid segment"),
        row(SENSOR, "control character in a signal name", "{\"temp\\u001b[31m\":1}", "contains a control character"),
        row(MACHINE, "signal name of 10,000 characters", "{\"signal_name\":\"" + "s".repeat(10_000) + "\",\"value\":1}",
            "longer than 200"),
        row(EDGE, "control character in an origin",
            "{\"origin\":\"modbus:\\r\\nx\",\"seq\":1,\"readings\":[{\"signal\":\"t\",\"value\":1}]}",
            "origin contains a control character"),
        row(EDGE, "negative seq", "{\"origin\":\"o\",\"seq\":-1,\"readings\":[{\"signal\":\"t\",\"value\":1}]}",
            "'seq' must be a non-negative whole number, was -1"),
        row(EDGE, "seq beyond a long", "{\"origin\":\"o\",\"seq\":1" + "0".repeat(30)
            + ",\"readings\":[{\"signal\":\"t\",\"value\":1}]}", "'seq' must be a non-negative whole number"),
        row(MACHINE, "quality that is none", "{\"signal_name\":\"s\",\"value\":1,\"quality\":\"excellent\"}",
            "is not a quality"),
        row(CELL, "duplicate keys", "{\"value\":1,\"value\":1e308}", "Duplicate field"),
        row("tenants/acme/plants/p1/racks/r1/packs/pk7/cells/1/voltage/extra", "one level too many", "1",
            "no route for topic"));
  }

  private static Arguments row(String topic, String what, Object payload, String reason) {
    byte[] bytes = payload instanceof byte[] b ? b : ((String) payload).getBytes(StandardCharsets.UTF_8);
    return Arguments.of(topic, what, bytes, reason);
  }

  private static byte[] bytes(String json, byte... inserted) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    int at = json.indexOf("\":") + 1; // inside the first key's closing quote: ..."value<bad>":
    byte[] out = new byte[text.length + inserted.length];
    System.arraycopy(text, 0, out, 0, at - 1);
    System.arraycopy(inserted, 0, out, at - 1, inserted.length);
    System.arraycopy(text, at - 1, out, at - 1 + inserted.length, text.length - at + 1);
    return out;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource({"everyCodec", "topicsAndNames"})
  void isRejectedWithAReason(String topic, String what, byte[] payload, String reason) {
    Decoded decoded = Decoding.DEFAULT_ROUTES.decode(topic, payload, Decoding.RECEIVED);
    String actual =
        assertInstanceOf(Decoded.Rejected.class, decoded, () -> what + " was accepted: " + decoded).reason();
    assertTrue(Pattern.compile(reason).matcher(actual).find(),
        () -> what + ": expected a reason with '" + reason + "', was: " + actual);
    assertTrue(actual.length() < 1_000, () -> what + ": a reason of " + actual.length() + " characters");
    assertTrue(actual.chars().noneMatch(Character::isISOControl), () -> what + ": control character in " + actual);
  }
}
