package io.twinworks.twins.oee;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Epoch microseconds, the time unit of twin state, to and from {@code java.time}. */
final class Micros {

  static final long PER_SECOND = 1_000_000L;

  private Micros() {}

  static long of(Instant time) {
    return time.getEpochSecond() * PER_SECOND + time.getNano() / 1_000;
  }

  /** A local date-time in {@code zone}; in a gap it moves forward by the gap, in an overlap it is the earlier one. */
  static long of(LocalDateTime local, ZoneId zone) {
    return of(ZonedDateTime.of(local, zone).toInstant());
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000L);
  }

  static double seconds(long micros) {
    return micros / (double) PER_SECOND;
  }
}
