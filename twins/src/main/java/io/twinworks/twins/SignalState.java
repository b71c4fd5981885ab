package io.twinworks.twins;

import java.util.Arrays;

/**
 * What a twin keeps per signal: the latest value and the source times of the most recently applied
 * readings, so that a redelivered reading is recognised. Times are epoch microseconds
 * ({@link TwinTime}); arrays rather than lists of {@code Instant} keep an active twin small.
 *
 * @param time source time of the latest value
 * @param recent source times of the last {@link #RECENT} applied readings, oldest first
 */
public record SignalState(double value, long time, Quality quality, long[] recent) implements CborSerializable {

  public static final int RECENT = 8;

  static SignalState first(RecordedSample sample) {
    long time = TwinTime.micros(sample.sourceTime());
    return new SignalState(sample.value(), time, sample.quality(), new long[] {time});
  }

  /** True when a reading at {@code micros} has already been applied (as far as this signal remembers). */
  boolean knows(long micros) {
    if (micros == time) {
      return true;
    }
    for (long t : recent) {
      if (t == micros) {
        return true;
      }
    }
    return false;
  }

  SignalState applied(RecordedSample sample) {
    long at = TwinTime.micros(sample.sourceTime());
    long[] next = remember(at);
    return sample.late()
        ? new SignalState(value, time, quality, next)
        : new SignalState(sample.value(), at, sample.quality(), next);
  }

  SignalValue toValue() {
    return new SignalValue(value, TwinTime.instant(time), quality);
  }

  private long[] remember(long at) {
    if (recent.length < RECENT) {
      long[] next = Arrays.copyOf(recent, recent.length + 1);
      next[recent.length] = at;
      return next;
    }
    long[] next = new long[RECENT];
    System.arraycopy(recent, recent.length - RECENT + 1, next, 0, RECENT - 1);
    next[RECENT - 1] = at;
    return next;
  }
}
