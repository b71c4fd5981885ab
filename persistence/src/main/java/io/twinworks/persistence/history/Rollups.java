package io.twinworks.persistence.history;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Folds new points into per-minute and per-hour rollups; plain arithmetic shared by every store. */
public final class Rollups {

  public static final long MINUTE_US = 60_000_000L;
  public static final long HOUR_US = 60 * MINUTE_US;

  /** A rollup resolution and its code in storage. */
  public enum Resolution {
    MINUTE("m", MINUTE_US),
    HOUR("h", HOUR_US);

    private final String code;
    private final long micros;

    Resolution(String code, long micros) {
      this.code = code;
      this.micros = micros;
    }

    public String code() {
      return code;
    }

    public long micros() {
      return micros;
    }

    /** The coarsest rollup a step is a whole multiple of, if any. */
    public static Optional<Resolution> servingStep(Duration step) {
      long stepUs = TimeCodec.micros(step);
      if (stepUs % HOUR_US == 0) {
        return Optional.of(HOUR);
      }
      return stepUs % MINUTE_US == 0 ? Optional.of(MINUTE) : Optional.empty();
    }
  }

  /** Min, max, sum and count of the points of one signal in one bucket. */
  public record Aggregate(String twinId, String signal, Resolution resolution, long bucketUs,
      double min, double max, double sum, long count) {

    Aggregate plus(double value) {
      return new Aggregate(twinId, signal, resolution, bucketUs,
          Math.min(min, value), Math.max(max, value), sum + value, count + 1);
    }
  }

  private Rollups() {}

  /** The rollup changes that {@code newPoints} (points not stored before) make, one per bucket. */
  public static Collection<Aggregate> of(List<HistoryPoint> newPoints) {
    Map<String, Aggregate> byBucket = new LinkedHashMap<>();
    for (HistoryPoint point : newPoints) {
      long t = TimeCodec.micros(point.time());
      for (Resolution resolution : Resolution.values()) {
        long bucket = floor(t, resolution.micros());
        String key = point.twinId().value() + '\u0000' + point.signal() + '\u0000' + resolution.code() + bucket;
        byBucket.merge(key,
            new Aggregate(point.twinId().value(), point.signal(), resolution, bucket,
                point.value(), point.value(), point.value(), 1),
            (a, b) -> a.plus(b.sum()));
      }
    }
    return byBucket.values();
  }

  /** Floor division that also holds for times before the epoch. */
  public static long floor(long micros, long step) {
    return Math.floorDiv(micros, step) * step;
  }
}
