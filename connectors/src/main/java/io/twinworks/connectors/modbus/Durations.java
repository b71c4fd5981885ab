package io.twinworks.connectors.modbus;

import java.time.Duration;

/** Durations as the configuration writes them: {@code 1s}, {@code 250ms}. */
final class Durations {

  private Durations() {}

  static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
