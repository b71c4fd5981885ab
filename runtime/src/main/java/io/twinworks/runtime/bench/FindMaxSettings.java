package io.twinworks.runtime.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --find-max}: the offered rate starts at {@code startRate} readings/s and rises by {@code factor} a step,
 * each step publishing for {@code stepDuration}, until a step breaks a bound: a reading not applied after the
 * drain grace, an applied rate under {@link #MIN_APPLIED_SHARE} of the offered one, a state probe's p99 over
 * {@code maxP99} or a state probe never seen. {@code maxSteps} 0 means no limit but the bounds.
 */
public record FindMaxSettings(double startRate, double factor, Duration stepDuration, Duration maxP99, int maxSteps) {

  public static final double MIN_APPLIED_SHARE = 0.95;

  public FindMaxSettings {
    if (!(startRate > 0) || !(factor > 1)) {
      throw new IllegalArgumentException("--start-rate must be above 0 and --step-factor above 1");
    }
    if (stepDuration.isNegative() || stepDuration.isZero() || maxP99.isNegative() || maxP99.isZero()) {
      throw new IllegalArgumentException("--step-duration and --max-p99 must be positive");
    }
    if (maxSteps < 0) {
      throw new IllegalArgumentException("--max-steps must be 0 (no limit) or more, was " + maxSteps);
    }
  }

  /** The offered rate of step {@code step} (1-based): start × factor^(step − 1), in whole readings/s. */
  public double rate(int step) {
    return Math.round(startRate * Math.pow(factor, step - 1));
  }

  /** Whether step {@code step} (1-based) is the last one allowed. */
  public boolean last(int step) {
    return maxSteps > 0 && step >= maxSteps;
  }

  /** Which bound a step broke, first found in the order loss, throughput, latency; empty when it held. */
  public Optional<String> broken(RunResult step) {
    if (step.lost() > 0) {
      return Optional.of(String.format(Locale.ROOT, "loss: %,d of %,d readings not applied", step.lost(),
          step.published()));
    }
    if (step.appliedPerSecond() < MIN_APPLIED_SHARE * step.offeredPerSecond()) {
      return Optional.of(String.format(Locale.ROOT, "throughput: %,.0f/s applied, under %.0f %% of %,.0f/s offered",
          step.appliedPerSecond(), MIN_APPLIED_SHARE * 100, step.offeredPerSecond()));
    }
    ProbeLatency state = step.stateLatency();
    if (state != null && state.unseen() > 0) {
      return Optional.of(String.format(Locale.ROOT, "latency: %d of %d state probes never seen", state.unseen(),
          state.sent()));
    }
    if (state != null && state.millis().p99() > maxP99.toNanos() / 1e6) {
      return Optional.of(String.format(Locale.ROOT, "latency: state p99 %,.0f ms over %,d ms", state.millis().p99(),
          maxP99.toMillis()));
    }
    return Optional.empty();
  }
}
