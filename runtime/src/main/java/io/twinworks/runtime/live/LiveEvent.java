package io.twinworks.runtime.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A message the server sends on {@code /api/v1/stream}. Each has a key: of two events with the same key that wait
 * for a slow client only the merge (twin deltas) or the later (the others) is sent.
 */
sealed interface LiveEvent {

  String key();

  /** The JSON object sent, as a map the mapper writes in this order. */
  Map<String, Object> json();

  record Twin(LiveBatch.Delta delta) implements LiveEvent {
    @Override
    public String key() {
      return "twin " + delta.id();
    }

    @Override
    public Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", "twin");
      json.put("id", delta.id());
      json.put("kind", delta.kind());
      json.put("signals", delta.signals());
      // It just applied readings, so it is heard from: the heartbeat's online.
      json.put("health", "online");
      json.put("receivedAt", delta.receivedAt());
      return json;
    }

    Twin merge(Twin later) {
      return new Twin(LiveFeed.merge(delta, later.delta));
    }
  }

  record Added(LiveBatch.Added twin) implements LiveEvent {
    @Override
    public String key() {
      return "added " + twin.id();
    }

    @Override
    public Map<String, Object> json() {
      return Map.of("type", "twin-added", "id", twin.id(), "kind", twin.kind(), "tenant", twin.tenant());
    }
  }

  /** The answer to a (un)subscribe: what the connection is subscribed to now. */
  record Subscribed(LiveFilter filter) implements LiveEvent {
    @Override
    public String key() {
      return "subscribed";
    }

    @Override
    public Map<String, Object> json() {
      return Map.of("type", "subscribed", "twins", new TreeSet<>(filter.twins()),
          "prefixes", new TreeSet<>(filter.prefixes()));
    }
  }

  record Error(String message) implements LiveEvent {
    @Override
    public String key() {
      return "error";
    }

    @Override
    public Map<String, Object> json() {
      return Map.of("type", "error", "error", "bad-request", "message", message);
    }
  }

  record Ping(Instant at) implements LiveEvent {
    @Override
    public String key() {
      return "ping";
    }

    @Override
    public Map<String, Object> json() {
      return Map.of("type", "ping", "at", at);
    }
  }
}
