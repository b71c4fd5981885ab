package io.twinworks.twins.oee;

import io.twinworks.twins.config.ConfigReader;
import java.time.Duration;
import java.util.Set;

/**
 * How far back a late OEE input (a state or counter reading older than the latest) still revises the
 * windows: the inputs of the last {@code within} of source time are kept, at most {@code maxInputs}
 * (0: none, late inputs count at the latest time).
 */
public record OeeRevisionLimits(Duration within, int maxInputs) {

  static final int MAX_INPUTS = 100_000;

  public OeeRevisionLimits {
    if (within.isNegative()) {
      throw new IllegalArgumentException("revise.within must not be negative, was " + within);
    }
    if (maxInputs < 0 || maxInputs > MAX_INPUTS) {
      throw new IllegalArgumentException("revise.max-inputs must be between 0 and " + MAX_INPUTS + ", was " + maxInputs);
    }
  }

  static OeeRevisionLimits read(ConfigReader revise) {
    revise.onlyKeys(Set.of("within", "max-inputs"));
    Duration within = revise.duration("within");
    if (within.isNegative()) {
      throw revise.invalid("within", "must not be negative, was " + within);
    }
    return new OeeRevisionLimits(within, revise.integer("max-inputs", 0, MAX_INPUTS));
  }

  long withinMicros() {
    return within.toNanos() / 1_000;
  }
}
