package io.twinworks.twins.oee;

import io.twinworks.twins.alert.Severity;
import io.twinworks.twins.config.ConfigReader;
import java.util.Objects;
import java.util.Set;

/**
 * When to raise an {@code oee-low} finding: a closed window of {@code bucket} with OEE below
 * {@code below} raises it; a later closed window with OEE above {@code clearAbove} clears it.
 * Windows without an OEE (nothing planned, nothing produced) neither raise nor clear.
 */
public record OeeLowRule(boolean enabled, double below, double clearAbove, OeeBucket bucket, Severity severity) {

  public OeeLowRule {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(severity, "severity");
    if (!(below >= 0 && below <= 1)) {
      throw new IllegalArgumentException("oee-low.below must be between 0 and 1, was " + below);
    }
    if (!(clearAbove >= below && clearAbove <= 1)) {
      throw new IllegalArgumentException(
          "oee-low.clear-above must be between below (" + below + ") and 1, was " + clearAbove);
    }
  }

  static OeeLowRule read(ConfigReader rule) {
    rule.onlyKeys(Set.of("enabled", "below", "clear-above", "bucket", "severity"));
    boolean enabled = rule.bool("enabled");
    double below = rule.number("below", 0, 1);
    double clearAbove = rule.has("clear-above") ? rule.number("clear-above", below, 1) : below;
    OeeBucket bucket = rule.oneOf("bucket", OeeBucket::parse, "PT15M, PT1H, shift");
    Severity severity = rule.oneOf("severity", Severity::parse, "info, warning, critical");
    return new OeeLowRule(enabled, below, clearAbove, bucket, severity);
  }
}
