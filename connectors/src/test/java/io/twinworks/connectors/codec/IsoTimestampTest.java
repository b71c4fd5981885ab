package io.twinworks.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ISO-8601 timestamps through {@link JsonPayloads#timestamp}: the forms the fast reader takes and the ones it
 * leaves to the JDK give the instants worked out by hand below, and bad dates the rejections they always got.
 */
class IsoTimestampTest {

  private static final Instant RECEIVED = Instant.parse("2024-05-01T12:00:00Z");
  /** 2024-01-01T00:00:00Z: 54 years after 1970 with 13 leap days (1972..2020) = 19,723 days x 86,400 s. */
  private static final long JAN_1_2024 = 1_704_067_200L;
  private static final long DAY = 86_400L;

  private final JsonPayloads json = new JsonPayloads(Duration.ofDays(1));

  private Instant time(String iso) throws PayloadRejected {
    return json.timestamp(json.parseObject(("{\"timestamp\":\"" + iso + "\"}").getBytes(StandardCharsets.UTF_8)),
        "timestamp", RECEIVED);
  }

  private String rejection(String iso) {
    return assertThrows(PayloadRejected.class, () -> time(iso)).getMessage();
  }

  private static String notATimestamp(String iso) {
    return "field 'timestamp' is not a timestamp: \"" + iso + "\" (expected ISO-8601 with zone, or epoch seconds or "
        + "milliseconds)";
  }

  @Test
  void leapDayOfALeapYear() throws PayloadRejected {
    // Jan 31 + Feb 28 days before Feb 29: day 59 of 2024; + 12 h.
    assertEquals(Instant.ofEpochSecond(JAN_1_2024 + 59 * DAY + 12 * 3600), time("2024-02-29T12:00:00Z"));
    // 2000 is a leap year (divisible by 400): 2000-01-01 is day 10,957 (30 years, 7 leap days); + 59 days.
    assertEquals(Instant.ofEpochSecond((10_957 + 59) * DAY), time("2000-02-29T00:00:00Z"));
  }

  @Test
  void leapDayOfOtherYearsIsRejectedAsBefore() {
    assertEquals(notATimestamp("2023-02-29T12:00:00Z"), rejection("2023-02-29T12:00:00Z"));
    // 2100 is not a leap year (divisible by 100, not by 400); its Feb 28 is merely too far in the future.
    assertEquals(notATimestamp("2100-02-29T00:00:00Z"), rejection("2100-02-29T00:00:00Z"));
    assertEquals("field 'timestamp' is more than PT24H in the future: \"2100-02-28T00:00:00Z\" (received at "
        + "2024-05-01T12:00:00Z)", rejection("2100-02-28T00:00:00Z"));
  }

  @Test
  void endsOfMonths() throws PayloadRejected {
    // 2024-04-30 is day 31 + 29 + 31 + 29 = 120 of 2024; one second before its end.
    assertEquals(Instant.ofEpochSecond(JAN_1_2024 + 121 * DAY - 1), time("2024-04-30T23:59:59Z"));
    // The last nanosecond of 2023.
    assertEquals(Instant.ofEpochSecond(JAN_1_2024 - 1, 999_999_999), time("2023-12-31T23:59:59.999999999Z"));
    assertEquals(Instant.ofEpochSecond(JAN_1_2024 + 30 * DAY), time("2024-01-31T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-04-31T00:00:00Z", "2024-02-30T00:00:00Z", "2024-06-31T00:00:00Z",
      "2024-01-32T00:00:00Z", "2024-05-00T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
      "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z", "2024-05-01T23:59:60Z", "2024-05-01T10:00:00.1234567890Z",
      "2024-05-01T10:00:00+18:01", "2024-05-01T10:00:00+01:60", "2024-05-01T10:00:00+0100", "2024-5-01T10:00:00Z",
      "2024-05-01T10:00:00,5Z", "+2024-05-01T10:00:00Z", "2024-05-01T1O:00:00Z"})
  void badDatesAndTimesAreRejectedAsBefore(String iso) {
    assertEquals(notATimestamp(iso), rejection(iso));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 100000000", "2, 120000000", "3, 123000000", "4, 123400000", "5, 123450000", "6, 123456000",
      "7, 123456700", "8, 123456780", "9, 123456789"})
  void oneToNineFractionDigits(int digits, int nanos) throws PayloadRejected {
    String fraction = "123456789".substring(0, digits);
    // 2024-05-01 is day 31 + 29 + 31 + 30 = 121 of 2024; + 10 h.
    assertEquals(Instant.ofEpochSecond(JAN_1_2024 + 121 * DAY + 10 * 3600, nanos),
        time("2024-05-01T10:00:00." + fraction + "Z"));
  }

  @ParameterizedTest
  @CsvSource({
      "+02:00, -7200", "-05:30, 19800", "+00:00, 0", "-00:00, 0", "+18:00, -64800", "-18:00, 64800",
      "+05:45, -20700"})
  void offsetsAreSubtracted(String offset, long shiftSeconds) throws PayloadRejected {
    long tenOClock = JAN_1_2024 + 121 * DAY + 10 * 3600;
    assertEquals(Instant.ofEpochSecond(tenOClock + shiftSeconds), time("2024-05-01T10:00:00" + offset));
  }

  @Test
  void formsLeftToTheJdkStillWork() throws PayloadRejected {
    long tenOClock = JAN_1_2024 + 121 * DAY + 10 * 3600;
    assertEquals(Instant.ofEpochSecond(tenOClock), time("2024-05-01T10:00Z")); // no seconds
    assertEquals(Instant.ofEpochSecond(tenOClock), time("2024-05-01t10:00:00z")); // lower case
    assertEquals(Instant.ofEpochSecond(tenOClock - 3600), time("2024-05-01T10:00:00+01:00[Europe/Berlin]"));
    assertEquals(Instant.ofEpochSecond(tenOClock - 3630), time("2024-05-01T10:00:00+01:00:30")); // offset seconds
    assertEquals(Instant.ofEpochSecond(tenOClock), time(" 2024-05-01T10:00:00Z ")); // trimmed
  }

  @Test
  void withoutZoneIsRejectedAsBefore() {
    assertEquals("field 'timestamp' has no time zone: \"2024-05-01T10:00:00.5\" (add Z or an offset such as +01:00)",
        rejection("2024-05-01T10:00:00.5"));
  }
}
