package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad, reversed, enormous and absurd time ranges of the history and OEE queries are 400s, never 500s. */
class QueryRangeTest {

  private static final String OUT_OF_BOUNDS = "'from' and 'to' must lie between 1970 and 9999";
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

  private static String refused(Map<String, String> params) {
    return assertThrows(BadRequestException.class, () -> QueryParams.range(params, Duration.ofHours(1), NOW))
        .getMessage();
  }

  @Test
  void defaultsToTheLastHourBeforeNow() {
    assertEquals(
        new QueryParams.TimeRange(Instant.parse("2026-11-22T11:00:00Z"), Instant.parse("2026-11-22T12:00:00Z")),
        QueryParams.range(Map.of(), Duration.ofHours(1), NOW));
  }

  @Test
  void aToAtTheEdgeOfWhatIsoAllowsIsRefusedNotSubtractedFrom() {
    // Found while reading for the fuzz tests: to.minus(default) on the earliest Instant threw DateTimeException (500).
    assertEquals(OUT_OF_BOUNDS, refused(Map.of("to", "-1000000000-01-01T00:00:00Z")));
    assertEquals(OUT_OF_BOUNDS, refused(Map.of("to", "+1000000000-12-31T23:59:59Z")));
    assertEquals(OUT_OF_BOUNDS, refused(Map.of("from", "-1000000000-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")));
  }

  @Test
  void reversedAndEmptyRangesAreRefused() {
    assertEquals("'from' (2026-11-22T12:00:00Z) must be before 'to' (2026-11-22T11:00:00Z)",
        refused(Map.of("from", "2026-11-22T12:00:00Z", "to", "2026-11-22T11:00:00Z")));
    assertEquals("'from' (2026-11-22T12:00:00Z) must be before 'to' (2026-11-22T12:00:00Z)",
        refused(Map.of("from", "2026-11-22T12:00:00Z")));
  }

  @Test
  void injectionInATimeIsRefusedAndNotEchoedRaw() {
    assertEquals("'to' must be an ISO-8601 UTC time such as 2026-11-21T10:00:00Z, was '2026' OR 1=1;--?'",
        refused(Map.of("to", "2026' OR 1=1;--\n")));
  }

  @Test
  void anEnormousStepCountIsRefused() {
    // 1970..9999 is 2,932,897 days: at PT1S that is ~2.5e11 buckets, far over a cap of 10,000.
    Duration range = Duration.between(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("9999-01-01T00:00:00Z"));
    BadRequestException e = assertThrows(BadRequestException.class, () -> HistoryQueries.step("PT1S", range, 10_000));
    assertEquals("step PT1S makes more than 10000 buckets over " + range + "; choose a larger step or a shorter range",
        e.getMessage());
    assertThrows(BadRequestException.class, () -> HistoryQueries.step("PT0.5S", range, 10_000));
    assertThrows(BadRequestException.class, () -> HistoryQueries.step("-PT1H", range, 10_000));
  }
}
