package io.twinworks.runtime.alert;

import io.twinworks.twins.TwinId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The twins the alert hub has confirmed changes to since it started, and up to which number: at most
 * {@code capacity}, the least recently used forgotten first. Not thread-safe (the hub's own state).
 */
final class RecentlyConfirmed {

  private final LinkedHashMap<TwinId, Long> upTo;

  RecentlyConfirmed(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    // Access order: a twin that keeps sending stays, a quiet one is forgotten first.
    this.upTo = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<TwinId, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The highest number confirmed to the twin, empty when none (or forgotten). */
  OptionalLong get(TwinId twin) {
    Long number = upTo.get(twin);
    return number == null ? OptionalLong.empty() : OptionalLong.of(number);
  }

  void confirmed(TwinId twin, long number) {
    upTo.merge(twin, number, Math::max);
  }

  void forget(TwinId twin) {
    upTo.remove(twin);
  }

  int size() {
    return upTo.size();
  }
}
