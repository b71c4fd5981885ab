package io.twinworks.runtime.http;

import io.twinworks.twins.oee.OeeBucket;
import io.twinworks.twins.oee.OeeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code GET /twins/{id}/oee?from=&to=&bucket=}: {@code bucket} PT15M, PT1H (default) or
 * shift; {@code to} defaults to now, {@code from} to 24 hours before {@code to}.
 */
record OeeQueries(OeeBucket bucket, Instant from, Instant to) {

  static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

  /** The answer's body. */
  record Windows(List<OeeWindow> windows) {}

  static OeeQueries parse(Map<String, String> params, Clock clock) {
    String rawBucket = params.get("bucket");
    OeeBucket bucket;
    try {
      bucket = rawBucket == null || rawBucket.isEmpty() ? OeeBucket.HOUR : OeeBucket.parse(rawBucket);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("bucket must be one of PT15M, PT1H, shift, was '" + QueryParams.clip(rawBucket) + "'");
    }
    Instant to = QueryParams.time("to", params.get("to")).orElseGet(clock::instant);
    Instant from = QueryParams.time("from", params.get("from")).orElse(to.minus(DEFAULT_RANGE));
    if (!from.isBefore(to)) {
      throw new BadRequestException("'from' (" + from + ") must be before 'to' (" + to + ")");
    }
    if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
      throw new BadRequestException("'from' and 'to' must lie between 1970 and 9999");
    }
    return new OeeQueries(bucket, from, to);
  }
}
