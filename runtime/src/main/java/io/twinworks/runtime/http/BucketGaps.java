package io.twinworks.runtime.http;

import io.twinworks.persistence.history.HistoryBucket;
import io.twinworks.twins.TwinTime;
import io.twinworks.twins.time.GapFill;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code fill} parameter of history buckets: {@code none} (default), {@code previous} (forward
 * fill, for states and counters), {@code linear} (for analog values) or {@code auto} (by signal: forward
 * for {@code run_status}, {@code state}, {@code cycle_count}, {@code defect_count}, linear otherwise).
 * Only gaps between measured buckets are filled, never before the first or after the last.
 */
final class BucketGaps {

  private BucketGaps() {}

  static Optional<GapFill.Method> method(String raw, String signal) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> Optional.empty();
      case "previous" -> Optional.of(GapFill.Method.FORWARD);
      case "linear" -> Optional.of(GapFill.Method.LINEAR);
      case "auto" -> Optional.of(GapFill.Method.forSignal(signal));
      default -> throw new BadRequestException("fill must be one of none, previous, linear, auto, was '"
          + QueryParams.clip(raw) + "'");
    };
  }

  /** The measured buckets with the gaps between them filled; filled ones are marked. */
  static List<io.twinworks.twins.time.HistoryBucket> fill(List<HistoryBucket> measured, Duration step,
      GapFill.Method method) {
    List<io.twinworks.twins.time.HistoryBucket> buckets = measured.stream()
        .map(b -> io.twinworks.twins.time.HistoryBucket.of(TwinTime.micros(b.start()), b.min(), b.max(), b.avg(),
            b.count()))
        .toList();
    if (buckets.isEmpty()) {
      return buckets;
    }
    long stepMicros = step.toNanos() / 1_000;
    long first = buckets.get(0).startMicros();
    long end = buckets.get(buckets.size() - 1).startMicros() + stepMicros;
    return GapFill.fill(buckets, first, end, stepMicros, method);
  }
}
