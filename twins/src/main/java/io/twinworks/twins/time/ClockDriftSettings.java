package io.twinworks.twins.time;

import com.typesafe.config.Config;
import io.twinworks.twins.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How source clocks are measured against ours ({@code twinworks.time.clock-drift}); see
 * {@link ClockDriftEstimator}.
 *
 * @param correct whether ingestion replaces source times by corrected ones (estimation runs anyway)
 * @param bucket the receive-time span of which the smallest delay is one point of the fit
 * @param window how many of the latest buckets the fit uses
 * @param minBuckets how many buckets an estimate needs before it is valid
 */
public record ClockDriftSettings(boolean correct, Duration bucket, int window, int minBuckets) {

  public static final String PATH = "twinworks.time.clock-drift";
  public static final int MAX_WINDOW = 10_000;
  private static final Set<String> KEYS = Set.of("correct", "bucket", "window", "min-buckets");

  public ClockDriftSettings {
    if (bucket.isNegative() || bucket.isZero()) {
      throw new IllegalArgumentException("bucket must be positive, was " + bucket);
    }
    if (window < 2 || window > MAX_WINDOW) {
      throw new IllegalArgumentException("window must be between 2 and " + MAX_WINDOW + ", was " + window);
    }
    if (minBuckets < 2 || minBuckets > window) {
      throw new IllegalArgumentException("min-buckets must be between 2 and window " + window + ", was " + minBuckets);
    }
  }

  /** Reads the root config's {@code twinworks.time.clock-drift} section, or that section itself. */
  public static ClockDriftSettings fromConfig(Config config) {
    return read(ConfigReader.section(config, PATH));
  }

  /** Reads a JSON body such as {@code {"correct": true, "bucket": "PT1M"}}; keys left out keep their defaults. */
  public static ClockDriftSettings fromMap(Map<String, Object> map) {
    return read(ConfigReader.map(map, PATH));
  }

  private static ClockDriftSettings read(ConfigReader config) {
    config.onlyKeys(KEYS);
    return config.validated(() -> new ClockDriftSettings(config.bool("correct"), config.duration("bucket"),
        config.integer("window"), config.integer("min-buckets")));
  }

  /** At least 1 µs: a sub-microsecond bucket would divide by zero. */
  long bucketMicros() {
    return Math.max(1, TimeUnit.MICROSECONDS.convert(bucket));
  }
}
