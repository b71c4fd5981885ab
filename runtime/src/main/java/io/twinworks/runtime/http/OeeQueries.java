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
    QueryParams.TimeRange range = QueryParams.range(params, DEFAULT_RANGE, clock);
    return new OeeQueries(bucket, range.from(), range.to());
  }
}
