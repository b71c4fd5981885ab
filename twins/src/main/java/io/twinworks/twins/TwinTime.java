package io.twinworks.twins;

import java.time.Instant;

/**
 * Twin state keeps times as epoch microseconds in a {@code long}: compact, and fine enough to tell
 * apart readings of sources faster than 1 kHz (OPC UA stamps in 100 ns units).
 */
public final class TwinTime {

  /** The earliest source time a twin accepts; with {@link #LATEST} it keeps micros far from overflow. */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private TwinTime() {}

  public static boolean inRange(Instant time) {
    return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
  }

  public static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
