package io.twinworks.runtime.http;

import io.twinworks.persistence.TwinEntry;
import io.twinworks.twins.SignalValue;
import io.twinworks.twins.TwinView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of twins in the HTTP API (DESIGN.md). */
final class TwinJson {

  private TwinJson() {}

  record Listed(String id, String kind, String tenant, Instant lastSeen) {
    static Listed of(TwinEntry entry) {
      return new Listed(entry.id().value(), entry.kind().id(), entry.tenant(), entry.lastSeen());
    }
  }

  record Page(List<Listed> items, String cursor) {}

  record Health(String status, Instant lastSeen) {}

  record Counts(long readings, long duplicates, long late) {}

  record Twin(String id, String kind, String tenant, Health health, Map<String, SignalValue> signals,
      List<Object> alerts, Map<String, Double> summary, Counts counts) {

    static Twin of(TwinView view, Instant now, Duration healthTimeout) {
      return new Twin(view.id().value(), view.kind().id(), view.id().tenant(),
          new Health(status(view.lastSeen(), now, healthTimeout), view.lastSeen()),
          view.signals(), List.of(), view.summary(),
          new Counts(view.readings(), view.duplicates(), view.late()));
    }

    private static String status(Instant lastSeen, Instant now, Duration timeout) {
      if (lastSeen == null) {
        return "unknown";
      }
      return lastSeen.plus(timeout).isBefore(now) ? "communication-loss" : "online";
    }
  }
}
