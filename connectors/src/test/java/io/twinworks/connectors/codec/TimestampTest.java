package io.twinworks.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampTest {

  private static final Instant RECEIVED = Instant.parse("2024-05-01T12:00:00Z");
  private final JsonPayloads json = new JsonPayloads(Duration.ofDays(1));

  private Instant time(String timestampJson) throws PayloadRejected {
    byte[] payload = ("{\"timestamp\":" + timestampJson + "}").getBytes(StandardCharsets.UTF_8);
    return json.timestamp(json.parseObject(payload), "timestamp", RECEIVED);
  }

  private String rejection(String timestampJson) {
    return assertThrows(PayloadRejected.class, () -> time(timestampJson)).getMessage();
  }

  @Test
  void isoWithZOrOffsetOrZoneId() throws PayloadRejected {
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), time("\"2024-05-01T10:00:00Z\""));
    assertEquals(Instant.parse("2024-05-01T10:00:00.250Z"), time("\"2024-05-01T12:00:00.25+02:00\""));
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), time("\"2024-05-01T12:00:00+02:00[Europe/Berlin]\""));
  }

  @Test
  void epochSecondsAndMilliseconds() throws PayloadRejected {
    assertEquals(Instant.parse("2024-05-01T11:00:00Z"), time("1714561200"));
    assertEquals(Instant.parse("2024-05-01T11:00:00.123Z"), time("1714561200123"));
    assertEquals(Instant.parse("2024-05-01T11:00:00.5Z"), time("1714561200.5"));
    assertEquals(Instant.parse("2024-05-01T11:00:00.123500Z"), time("1714561200123.5"));
  }

  @Test
  void numericStrings() throws PayloadRejected {
    assertEquals(Instant.parse("2024-05-01T11:00:00Z"), time("\"1714561200\""));
    assertEquals(Instant.parse("2024-05-01T11:00:00.123Z"), time("\"1714561200123\""));
  }

  @Test
  void missingOrNullIsReceiveTime() throws PayloadRejected {
    assertEquals(RECEIVED, json.timestamp(json.parseObject("{}".getBytes(StandardCharsets.UTF_8)), "timestamp",
        RECEIVED));
    assertEquals(RECEIVED, time("null"));
  }

  @Test
  void unparseableIsRejected() {
    assertEquals("field 'timestamp' is not a timestamp: \"yesterday\" (expected ISO-8601 with zone, or epoch "
        + "seconds or milliseconds)", rejection("\"yesterday\""));
    assertEquals("field 'timestamp' is not a timestamp: true (expected ISO-8601 with zone, or epoch seconds or "
        + "milliseconds)", rejection("true"));
  }

  @Test
  void isoWithoutZoneIsRejected() {
    assertEquals("field 'timestamp' has no time zone: \"2024-05-01T10:00:00\" (add Z or an offset such as +01:00)",
        rejection("\"2024-05-01T10:00:00\""));
  }

  @Test
  void beforeTheYear2000IsRejected() {
    assertEquals("field 'timestamp' is before 2000-01-01T00:00:00Z: 0", rejection("0"));
    assertEquals("field 'timestamp' is before 2000-01-01T00:00:00Z: \"1999-12-31T23:59:59Z\"",
        rejection("\"1999-12-31T23:59:59Z\""));
    assertEquals("field 'timestamp' is before 2000-01-01T00:00:00Z: -1.0E300", rejection("-1e300"));
  }

  @Test
  void furtherInTheFutureThanTheSkewIsRejected() throws PayloadRejected {
    assertEquals(Instant.parse("2024-05-02T11:00:00Z"), time("\"2024-05-02T11:00:00Z\""));
    assertEquals("field 'timestamp' is more than PT24H in the future: \"2024-05-02T12:00:01Z\" (received at "
        + "2024-05-01T12:00:00Z)", rejection("\"2024-05-02T12:00:01Z\""));
    assertEquals("field 'timestamp' is more than PT24H in the future: 1.0E300 (received at 2024-05-01T12:00:00Z)",
        rejection("1e300"));
  }

  @Test
  void overflowingNumberIsRejected() {
    assertEquals("field 'timestamp' is out of range: it overflows a double", rejection("1e999"));
  }
}
