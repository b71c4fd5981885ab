package io.twinworks.connectors.fuzz;

import io.twinworks.connectors.codec.JsonPayloads;
import io.twinworks.connectors.codec.UntrustedText;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the fuzz tests demand of every outcome: well-formed readings, or a reason a person can read. */
final class AcceptedReadings {

  /** The default {@code twinworks.mqtt.max-future-skew}. */
  static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);

  private AcceptedReadings() {}

  static void requireWellFormed(List<Reading> readings, Instant received) {
    for (Reading reading : readings) {
      check(Double.isFinite(reading.value()), "value is not finite", reading);
      check(TwinId.isValid(reading.twinId().value()), "twin id is invalid", reading);
      check(UntrustedText.nameProblem("signal", reading.signal()) == null, "signal name is unusable", reading);
      check(!reading.sourceTime().isBefore(JsonPayloads.EARLIEST), "source time before 2000", reading);
      check(!reading.sourceTime().isAfter(received.plus(MAX_FUTURE_SKEW)), "source time too far ahead", reading);
      check(reading.origin().chars().noneMatch(Character::isISOControl), "origin has a control character", reading);
    }
  }

  static void requireReadable(String reason) {
    check(!reason.isBlank(), "empty reason", reason);
    check(reason.length() <= 2_000, "reason of " + reason.length() + " characters", UntrustedText.shown(reason));
    check(reason.chars().noneMatch(Character::isISOControl), "control character in the reason", reason);
  }

  private static void check(boolean holds, String problem, Object subject) {
    if (!holds) {
      throw new AssertionError(problem + ": " + subject);
    }
  }
}
