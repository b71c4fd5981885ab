package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every detector type has: how many readings it only learns from, how long a condition
 * must hold before it is raised or cleared, and how severe its alerts are. The specs keep these as
 * their own flat fields (the JSON shape); this record checks and reads them in one place.
 */
record Gating(int warmUp, Duration minDuration, Severity severity) {

  Gating {
    Require.between("warm-up", warmUp, 0, Integer.MAX_VALUE);
    Require.notNegative("min-duration", minDuration);
    Objects.requireNonNull(severity, "severity");
  }

  static Gating read(SpecReader r) {
    return new Gating(r.getInt("warm-up"), r.getDuration("min-duration"), r.getSeverity("severity"));
  }
}
