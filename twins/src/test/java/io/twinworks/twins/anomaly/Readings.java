package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.ArrayList;
import java.util.List;

/** Test readings: times in whole seconds or minutes from the epoch, as epoch microseconds. */
final class Readings {

  private Readings() {}

  static long second(long second) {
    return second * 1_000_000L;
  }

  static long minute(long minute) {
    return second(minute * 60);
  }

  /** Feeds values one a second from {@code firstSecond}; returns every finding. */
  static List<Finding> feed(Detector detector, long firstSecond, double... values) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      detector.update(second(firstSecond + i), values[i]).ifPresent(findings::add);
    }
    return findings;
  }
}
