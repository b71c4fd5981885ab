package io.twinworks.twins.time;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Estimates how a source's clock (an origin: a PLC, a gateway, an edge store) stands against ours,
 * from pairs (source time, receive time). Each pair's {@code receive − source} is the clock offset
 * plus a network delay that is never negative and often large, so the fit follows the lower
 * envelope: per bucket of receive time the smallest {@code receive − source} is kept, and a least
 * squares line through the last {@code window} bucket minima gives offset and drift. Buckets go by
 * receive time (our clock) so that a backlog replayed by an edge store only raises its buckets'
 * minima instead of reaching back into old ones.
 *
 * <p>The offset includes the smallest network delay seen, which nothing on the receiving side can
 * tell apart from the clocks' difference. After a step of the source clock (someone set it), the
 * estimate is off until the window has slid past the step. Bounded: {@code window} buckets.
 *
 * <p>Mutable, owned by one origin's ingestion; {@link #state()} and {@link #restore} carry it
 * through snapshots.
 */
public final class ClockDriftEstimator {

  /**
   * The smallest {@code receive − source} of one bucket.
   *
   * @param index the bucket's number, {@code floor(receive time / bucket)}
   * @param minDeltaMicros the smallest {@code receive − source} in it
   * @param atSourceMicros the source time of the pair that had it
   * @param count how many pairs fell into it
   */
  public record Bucket(long index, long minDeltaMicros, long atSourceMicros, long count) {}

  /** The estimator's state for snapshots: its buckets, oldest first, and the newest source time. */
  public record State(List<Bucket> buckets, long latestSourceMicros) {
    public State {
      buckets = List.copyOf(buckets);
    }
  }

  /**
   * The current estimate.
   *
   * @param offsetMillis how far our clock is ahead of the source's at its newest source time (plus
   *     the smallest network delay); positive when the source is behind
   * @param driftPpm how fast the source clock runs against ours, in parts per million (µs per
   *     second); positive when it gains, so its offset shrinks
   * @param samples how many pairs the buckets of the fit hold
   * @param valid whether there were {@code min-buckets} buckets; without, offset and drift are 0
   */
  public record Estimate(double offsetMillis, double driftPpm, long samples, boolean valid) {
    static final Estimate NONE = new Estimate(0, 0, 0, false);
  }

  /** The fitted line {@code receive − source = intercept + slope × (source − reference)}, in µs. */
  private record Line(double interceptMicros, double slope, long referenceMicros) {
    double at(long sourceMicros) {
      return interceptMicros + slope * (sourceMicros - referenceMicros);
    }
  }

  private final long bucketMicros;
  private final int window;
  private final int minBuckets;
  private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
  private long latestSourceMicros = Long.MIN_VALUE;
  private Line line;

  public ClockDriftEstimator(ClockDriftSettings settings) {
    this.bucketMicros = settings.bucketMicros();
    this.window = settings.window();
    this.minBuckets = settings.minBuckets();
  }

  public static ClockDriftEstimator restore(ClockDriftSettings settings, State state) {
    ClockDriftEstimator estimator = new ClockDriftEstimator(settings);
    state.buckets().forEach(bucket -> estimator.buckets.put(bucket.index(), bucket));
    estimator.latestSourceMicros = state.latestSourceMicros();
    estimator.trim();
    return estimator;
  }

  /** Takes one pair; a pair whose receive time is older than the window is ignored. */
  public void observe(long sourceMicros, long receiveMicros) {
    long index = Math.floorDiv(receiveMicros, bucketMicros);
    if (buckets.size() >= window && index < buckets.firstKey()) {
      return;
    }
    long delta = receiveMicros - sourceMicros;
    Bucket old = buckets.get(index);
    Bucket next = old == null
        ? new Bucket(index, delta, sourceMicros, 1)
        : delta < old.minDeltaMicros()
            ? new Bucket(index, delta, sourceMicros, old.count() + 1)
            : new Bucket(index, old.minDeltaMicros(), old.atSourceMicros(), old.count() + 1);
    buckets.put(index, next);
    latestSourceMicros = Math.max(latestSourceMicros, sourceMicros);
    trim();
    line = null;
  }

  public Estimate estimate() {
    Line fit = fit();
    if (fit == null) {
      return Estimate.NONE;
    }
    long samples = buckets.values().stream().mapToLong(Bucket::count).sum();
    return new Estimate(fit.at(latestSourceMicros) / 1_000.0, -fit.slope() * 1e6, samples, true);
  }

  /** The source time on our clock; unchanged while the estimate is not valid. */
  public long correct(long sourceTimeMicros) {
    Line fit = fit();
    return fit == null ? sourceTimeMicros : sourceTimeMicros + Math.round(fit.at(sourceTimeMicros));
  }

  public State state() {
    return new State(new ArrayList<>(buckets.values()), latestSourceMicros);
  }

  private void trim() {
    while (buckets.size() > window) {
      buckets.pollFirstEntry();
    }
  }

  /** Least squares through the bucket minima, x relative to the newest minimum to keep precision. */
  private Line fit() {
    if (buckets.size() < minBuckets) {
      return null;
    }
    if (line == null) {
      long reference = buckets.lastEntry().getValue().atSourceMicros();
      double sumX = 0;
      double sumY = 0;
      for (Bucket bucket : buckets.values()) {
        sumX += bucket.atSourceMicros() - reference;
        sumY += bucket.minDeltaMicros();
      }
      double meanX = sumX / buckets.size();
      double meanY = sumY / buckets.size();
      double sxy = 0;
      double sxx = 0;
      for (Bucket bucket : buckets.values()) {
        double dx = bucket.atSourceMicros() - reference - meanX;
        sxy += dx * (bucket.minDeltaMicros() - meanY);
        sxx += dx * dx;
      }
      double slope = sxx == 0 ? 0 : sxy / sxx;
      line = new Line(meanY - slope * meanX, slope, reference);
    }
    return line;
  }
}
