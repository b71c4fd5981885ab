package io.twinworks.persistence.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** History keeps time as epoch microseconds: the resolution the twins apply readings at. */
public final class TimeCodec {

  private TimeCodec() {}

  public static long micros(Instant time) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, time);
  }

  public static long micros(Duration duration) {
    return duration.toNanos() / 1_000;
  }

  public static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
