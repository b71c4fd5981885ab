package io.twinworks.runtime.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The rate a receiving side sustained while the load was published, from samples of its growing count: the
 * growth between the first sample a fifth or more into the load period and the last sample within it, over the
 * time between them. The first fifth is ramp-up (connecting, the first readings still on their way); the drain
 * after the load is left out, since a backlog worked off says what a side caught up, not what it kept up with.
 * The latency of the readings shifts both ends alike, so a side that keeps up shows the offered rate. Without
 * two samples in that window (a load of about a second): the last count over its time.
 */
final class SustainedRate {

  private static final double RAMP_UP = 0.2;

  private record Sample(long nanos, long count) {}

  private final List<Sample> samples = new ArrayList<>();

  /** A sample: {@code count} readings counted {@code nanos} after the start of the load. */
  void sample(long nanos, long count) {
    samples.add(new Sample(nanos, count));
  }

  /** Readings a second over the load period that ended {@code loadNanos} after its start; 0 without samples. */
  double perSecond(long loadNanos) {
    Sample from = null;
    Sample to = null;
    for (Sample sample : samples) {
      if (from == null && sample.nanos() >= RAMP_UP * loadNanos) {
        from = sample;
      }
      if (sample.nanos() <= loadNanos) {
        to = sample;
      }
    }
    if (from != null && to != null && to.nanos() > from.nanos()) {
      return rate(to.count() - from.count(), to.nanos() - from.nanos());
    }
    Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
    return last == null || last.nanos() == 0 ? 0 : rate(last.count(), last.nanos());
  }

  private static double rate(long readings, long nanos) {
    return readings / (nanos / 1e9);
  }
}
