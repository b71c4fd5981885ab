package io.twinworks.twins.oee;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Shared helpers of the OEE tests: times as epoch micros and settings from HOCON text. */
final class OeeFixtures {

  static final long SECOND = 1_000_000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;

  private OeeFixtures() {}

  /** An ISO instant ({@code 2024-03-04T06:00:00Z}) or offset date-time as epoch micros. */
  static long at(String isoInstant) {
    return Micros.of(Instant.parse(isoInstant));
  }

  /** A local date-time ({@code 2024-03-04T06:00}) in {@code zone} as epoch micros. */
  static long at(String localDateTime, ZoneId zone) {
    return Micros.of(LocalDateTime.parse(localDateTime), zone);
  }

  /** OEE settings from HOCON over the reference defaults. */
  static OeeSettings settings(String hocon) {
    return OeeSettings.fromConfig(ConfigFactory.parseString(hocon));
  }

  static ShiftCalendar calendar(String hocon) {
    return ShiftCalendar.fromConfig(ConfigFactory.parseString(hocon));
  }

  static double percent(Double ratio) {
    return Math.round(ratio * 10_000) / 100.0;
  }
}
