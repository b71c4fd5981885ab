package io.twinworks.persistence.history;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Telemetry history at full resolution (microseconds of source time), with per-minute and per-hour
 * rollups for long ranges. A point's identity is its twin, signal and source time: a point written again
 * (a batch redelivered after a crash, perhaps split differently) changes nothing a reader sees; of two
 * values written for the same identity, the later write's wins. Points and buckets count each identity once.
 */
public interface HistoryStore {

  /** Completes once every point is durable. */
  CompletionStage<Done> write(List<HistoryPoint> points);

  /** Raw points of the range, oldest first, at most {@code query.limit()}. */
  CompletionStage<List<HistoryPoint>> points(HistoryQuery query);

  /**
   * Buckets of {@code step} over the range, aligned to the epoch, oldest first, empty buckets left
   * out. Steps of a whole number of hours read hourly rollups, of minutes minute rollups, others raw.
   */
  CompletionStage<List<HistoryBucket>> buckets(HistoryQuery query, Duration step);
}
