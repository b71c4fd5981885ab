package io.twinworks.runtime.bench;

import java.time.Duration;
import java.util.Locale;

/** How much one run publishes: a number of readings, or readings for a while (timed from the first publish). */
public record LoadLength(long readings, Duration duration) {

  public LoadLength {
    if ((readings > 0) == (duration != null)) {
      throw new IllegalArgumentException("a run is either a number of readings or a duration");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("--duration must be positive, was " + duration);
    }
  }

  public static LoadLength ofReadings(long readings) {
    if (readings < 1) {
      throw new IllegalArgumentException("--count, --twins and --readings-per-twin must be positive");
    }
    return new LoadLength(readings, null);
  }

  public static LoadLength of(Duration duration) {
    return new LoadLength(0, duration);
  }

  /** Whether a run that has issued {@code issued} readings, {@code elapsedNanos} after its start, is done. */
  boolean reached(long issued, long elapsedNanos) {
    return duration == null ? issued >= readings : elapsedNanos >= duration.toNanos();
  }

  /** E.g. {@code 100,000 readings}, {@code 30 s} or {@code 1500 ms}. */
  String describe() {
    if (duration == null) {
      return String.format(Locale.ROOT, "%,d readings", readings);
    }
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
