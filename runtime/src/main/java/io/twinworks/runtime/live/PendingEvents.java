package io.twinworks.runtime.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events waiting for one slow client, at most one per key: a twin's deltas merge (latest value per signal),
 * other events replace the earlier of their key. At most {@code maxKeys} keys wait; an event with a new key past that
 * is dropped (and counted), so a client that stopped reading holds a bounded amount of memory.
 */
final class PendingEvents {

  private final Map<String, LiveEvent> byKey = new LinkedHashMap<>();
  private final int maxKeys;
  private long dropped;

  private PendingEvents(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  static PendingEvents of(List<LiveEvent> first, int maxKeys) {
    return new PendingEvents(maxKeys).addAll(first);
  }

  PendingEvents addAll(List<LiveEvent> events) {
    events.forEach(this::add);
    return this;
  }

  PendingEvents add(LiveEvent event) {
    LiveEvent earlier = byKey.get(event.key());
    if (earlier == null && byKey.size() >= maxKeys) {
      dropped++;
    } else if (earlier instanceof LiveEvent.Twin twin && event instanceof LiveEvent.Twin later) {
      byKey.put(event.key(), twin.merge(later));
    } else {
      byKey.put(event.key(), event);
    }
    return this;
  }

  List<LiveEvent> events() {
    return new ArrayList<>(byKey.values());
  }

  long dropped() {
    return dropped;
  }
}
