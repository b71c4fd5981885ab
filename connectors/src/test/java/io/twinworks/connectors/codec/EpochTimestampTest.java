package io.twinworks.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole epoch numbers take a path without BigDecimal arithmetic; the same digits as a string still take the
 * decimal one. Both give the same instant, or the same rejection, at every boundary.
 */
class EpochTimestampTest {

  /** 2024-05-01T12:00:00Z; with a skew of one day the latest time allowed is 1,714,651,200 (+86,400 s). */
  private static final Instant RECEIVED = Instant.ofEpochSecond(1_714_564_800L);
  private final JsonPayloads json = new JsonPayloads(Duration.ofDays(1));

  @ParameterizedTest
  @ValueSource(longs = {
      0, -1, Long.MIN_VALUE, Long.MAX_VALUE,
      946_684_799L, 946_684_800L, // the last second before 2000-01-01 and the first one of it
      946_684_799_999L, 946_684_800_000L, // the same in milliseconds
      99_999_999_999L, 100_000_000_000L, 100_000_000_001L, // seconds up to 10^11, milliseconds above
      1_714_561_200L, 1_714_561_200_123L,
      1_714_651_200L, 1_714_651_201L, 1_714_651_202L, // the latest second, one after, two after
      1_714_651_200_000L, 1_714_651_200_001L, 1_714_651_201_000L, 1_714_651_201_001L})
  void wholeNumbersAgreeWithTheirDecimalReading(long epoch) {
    String number = Long.toString(epoch);
    assertEquals(outcome("\"" + number + "\"").replace("\"" + number + "\"", number), outcome(number), number);
  }

  /** The instant, or the rejection's reason. */
  private String outcome(String timestampJson) {
    try {
      byte[] payload = ("{\"timestamp\":" + timestampJson + "}").getBytes(StandardCharsets.UTF_8);
      return json.timestamp(json.parseObject(payload), "timestamp", RECEIVED).toString();
    } catch (PayloadRejected e) {
      return e.getMessage();
    }
  }
}
