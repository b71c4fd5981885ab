package io.twinworks.twins.anomaly;

import java.time.Duration;
import java.util.Objects;

/** Checks for settings, failing with a message that starts with the setting's configuration key. */
final class Require {

  /** The most values one window may hold: bounded memory per signal. */
  static final int MAX_WINDOW = 100_000;

  /** The longest duration a setting may have (it keeps microsecond arithmetic far from overflow). */
  static final Duration MAX_DURATION = Duration.ofDays(3650);

  private Require() {}

  static int window(String key, int value, int min) {
    return between(key, value, min, MAX_WINDOW);
  }

  static int between(String key, int value, int min, int max) {
    if (value < min) {
      throw new IllegalArgumentException(key + " must be at least " + min + ", was " + value);
    }
    if (value > max) {
      throw new IllegalArgumentException(key + " must be at most " + max + ", was " + value);
    }
    return value;
  }

  static double positive(String key, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(key + " must be a positive number, was " + value);
    }
    return value;
  }

  static double notNegative(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(key + " must be zero or more, was " + value);
    }
    return value;
  }

  static double finite(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(key + " must be a finite number, was " + value);
    }
    return value;
  }

  /** A fraction in (0, 1]. */
  static double fraction(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(key + " must be above 0 and at most 1, was " + value);
    }
    return value;
  }

  static Duration notNegative(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isNegative()) {
      throw new IllegalArgumentException(key + " must not be negative, was " + value);
    }
    return notTooLong(key, value);
  }

  static Duration positive(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
    return notTooLong(key, value);
  }

  private static Duration notTooLong(String key, Duration value) {
    if (value.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(key + " must be at most " + MAX_DURATION.toDays() + " days, was " + value);
    }
    return value;
  }

  static <T> T present(String key, T value) {
    if (value == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }
}
