package io.twinworks.runtime.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.http.JsonResponses;
import io.twinworks.runtime.security.Principal;
import io.twinworks.twins.TwinId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dashboard's WebSocket as the hub sees it: what it subscribed to, and the queue its events go into. Offering
 * never blocks: the queue is drained at once into the connection's {@link PendingEvents}, so a slow client makes
 * its own pending events merge, never the ingestion or the other clients wait.
 */
final class LiveConnection {

  private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);

  private final BoundedSourceQueue<List<LiveEvent>> queue;
  private final Principal principal;
  private volatile LiveFilter filter = LiveFilter.NOTHING;

  /** {@code principal}: only twins of the tenants it sees reach this connection, whatever it subscribes to. */
  LiveConnection(BoundedSourceQueue<List<LiveEvent>> queue, Principal principal) {
    this.queue = queue;
    this.principal = principal;
  }

  /** A batch's events for this client go into the queue as one element, so a large batch is one offer. */
  void send(LiveBatch batch) {
    LiveFilter current = filter;
    List<LiveEvent> events = new ArrayList<>();
    for (LiveBatch.Added added : batch.added()) {
      if (principal.sees(added.tenant())) {
        events.add(new LiveEvent.Added(added));
      }
    }
    for (LiveBatch.Delta delta : batch.deltas()) {
      if (current.matches(delta.id()) && principal.sees(new TwinId(delta.id()).tenant())) {
        events.add(new LiveEvent.Twin(delta));
      }
    }
    if (!events.isEmpty()) {
      offer(events);
    }
  }

  void send(LiveEvent event) {
    offer(List.of(event));
  }

  private void offer(List<LiveEvent> events) {
    if (queue.offer(events) == QueueOfferResult.dropped()) {
      log.warn("a dashboard stream's queue is full ({} batches); dropped {} events", queue.size(), events.size());
    }
  }

  /**
   * A client message: {@code {"subscribe":{"twins":[..]}}}, {@code {"subscribe":{"prefix":".."}}}, the same with
   * {@code unsubscribe}; answered with what the connection is subscribed to now, or an error.
   */
  void onText(String text) {
    try {
      JsonNode message = JsonResponses.mapper().readTree(text);
      if (message.has("subscribe")) {
        JsonNode body = message.get("subscribe");
        filter = filter.plus(twins(body), prefixes(body));
      } else if (message.has("unsubscribe")) {
        JsonNode body = message.get("unsubscribe");
        filter = filter.minus(twins(body), prefixes(body));
      } else {
        send(new LiveEvent.Error("expected {\"subscribe\":{..}} or {\"unsubscribe\":{..}}, got " + abbreviate(text)));
        return;
      }
      send(new LiveEvent.Subscribed(filter));
    } catch (Exception e) {
      send(new LiveEvent.Error("not a JSON message: " + abbreviate(text)));
    }
  }

  void close() {
    queue.complete();
  }

  private static Set<String> twins(JsonNode body) {
    Set<String> twins = new HashSet<>();
    body.path("twins").forEach(id -> twins.add(id.asText()));
    return twins;
  }

  private static Set<String> prefixes(JsonNode body) {
    Set<String> prefixes = new HashSet<>();
    if (body.hasNonNull("prefix")) {
      prefixes.add(body.get("prefix").asText());
    }
    body.path("prefixes").forEach(prefix -> prefixes.add(prefix.asText()));
    return prefixes;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
