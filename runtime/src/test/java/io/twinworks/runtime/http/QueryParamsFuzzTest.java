package io.twinworks.runtime.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.twinworks.twins.TwinId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's query parameters as a client could send them (ids, tenants, prefixes, cursors, limits, time ranges,
 * steps, buckets): each is parsed or refused with {@link BadRequestException} (a 400 with a readable message), never
 * another exception (a 500), and what is parsed is within its bounds.
 */
class QueryParamsFuzzTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
  private static final String[] TIMES = {"2026-11-22T11:00:00Z", "1970-01-01T00:00:00Z", "9999-01-01T00:00:00Z",
      "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"};

  @FuzzTest(maxDuration = "20s")
  void parsesOrAnswers400(FuzzedDataProvider data) {
    Map<String, String> params = new HashMap<>();
    for (String name : new String[] {"from", "to", "step", "bucket", "limit", "fill", "signal"}) {
      if (data.consumeBoolean()) {
        params.put(name, data.consumeBoolean() ? data.pickValue(TIMES) : data.consumeString(40));
      }
    }
    String id = data.consumeString(80);
    try {
      parse(params, id, data.consumeRemainingAsString());
    } catch (BadRequestException refused) {
      String message = refused.getMessage();
      if (message.isBlank() || message.length() > 500 || message.chars().anyMatch(Character::isISOControl)) {
        throw new AssertionError("unreadable 400: " + message);
      }
    }
  }

  private static void parse(Map<String, String> params, String id, String other) {
    TwinId twin = QueryParams.twinId(id);
    require(TwinId.isValid(twin.value()), "twin id " + twin);
    QueryParams.tenant(Optional.of(other));
    QueryParams.prefix(Optional.of(other));
    QueryParams.cursor(Optional.of(other));
    QueryParams.kind(Optional.of(other));
    int limit = QueryParams.limit(Optional.ofNullable(params.get("limit")), 100, 1000);
    require(limit >= 1 && limit <= 1000, "limit " + limit);
    OeeQueries oee = OeeQueries.parse(params, NOW);
    require(oee.from().isBefore(oee.to()), "OEE range " + oee);
    String signal = HistoryQueries.signal(params.get("signal"));
    BucketGaps.method(params.get("fill"), signal);
    QueryParams.TimeRange range = QueryParams.range(params, Duration.ofHours(1), NOW);
    require(range.from().isBefore(range.to()), "range " + range);
    HistoryQueries.step(params.get("step"), range.length(), 10_000).ifPresent(step ->
        require(!step.isNegative() && range.length().dividedBy(step) <= 10_000, "step " + step));
  }

  private static void require(boolean holds, String what) {
    if (!holds) {
      throw new AssertionError("accepted a bad " + what);
    }
  }
}
