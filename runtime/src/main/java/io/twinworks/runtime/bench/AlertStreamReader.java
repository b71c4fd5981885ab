package io.twinworks.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One twin's (or one tenant's) alert changes from {@code GET /api/v1/alerts/stream}, read on a daemon thread from
 * {@code Last-Event-ID: <from>} on. The stream is opened with a {@code Last-Event-ID} so the runtime reads
 * the log first and then goes live without a gap (a plain live subscription is registered asynchronously and
 * could miss the first changes); when the stream ends (a client too slow is cut off) it is opened again after
 * the last id seen, so nothing is missed or repeated. Keeps every change: bounded by the twin's changes.
 */
public final class AlertStreamReader implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One change as it arrived: its seq, the alert JSON, and when it arrived ({@link System#nanoTime()}). */
  public record Received(long seq, JsonNode alert, long arrivedNanos) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private final List<Received> changes = new CopyOnWriteArrayList<>();
  private final AtomicLong lastSeq;
  private final Thread reader;
  private volatile boolean open = true;
  private volatile Stream<String> lines;
  private volatile String failure;

  private AlertStreamReader(String httpUrl, String filter, String value, long fromSeq) {
    this.uri = URI.create(httpUrl + "/api/v1/alerts/stream?" + filter + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8));
    this.lastSeq = new AtomicLong(fromSeq);
    this.reader = new Thread(this::readWhileOpen, "alerts-" + value);
    reader.setDaemon(true);
  }

  /** Starts reading the changes of {@code twinId} with a seq after {@code fromSeq} (0: all of them). */
  public static AlertStreamReader start(String httpUrl, String twinId, long fromSeq) {
    return start(new AlertStreamReader(httpUrl, "twin", twinId, fromSeq));
  }

  /** Starts reading the changes of every twin of {@code tenant} with a seq after {@code fromSeq}. */
  public static AlertStreamReader ofTenant(String httpUrl, String tenant, long fromSeq) {
    return start(new AlertStreamReader(httpUrl, "tenant", tenant, fromSeq));
  }

  private static AlertStreamReader start(AlertStreamReader stream) {
    stream.reader.start();
    return stream;
  }

  public List<Received> changes() {
    return List.copyOf(changes);
  }

  /** Why the last attempt to read failed, or null. */
  public String failure() {
    return failure;
  }

  private void readWhileOpen() {
    while (open) {
      try {
        HttpResponse<Stream<String>> response = http.send(ApiTokenHeader.authorized(HttpRequest.newBuilder(uri))
                .header("Accept", "text/event-stream").header("Last-Event-ID", Long.toString(lastSeq.get())).build(),
            HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
          failure = uri + " answered " + response.statusCode();
          response.body().close();
        } else {
          lines = response.body();
          readEvents(lines);
        }
      } catch (IOException | RuntimeException e) {
        failure = uri + ": " + e;
      } catch (InterruptedException e) {
        return;
      }
      if (open) {
        WindowedPublisher.pause(200);
      }
    }
  }

  private void readEvents(Stream<String> events) {
    String[] id = {null};
    StringBuilder data = new StringBuilder();
    events.forEach(line -> {
      if (line.isEmpty()) {
        dispatch(id[0], data.toString());
        id[0] = null;
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        id[0] = line.substring(3).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      }
    });
  }

  private void dispatch(String id, String data) {
    if (id == null || data.isEmpty()) {
      return; // a heartbeat
    }
    long seq = Long.parseLong(id);
    if (seq <= lastSeq.get()) {
      return;
    }
    try {
      changes.add(new Received(seq, JSON.readTree(data), System.nanoTime()));
      lastSeq.set(seq);
    } catch (IOException e) {
      failure = "event " + id + " is not JSON: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    open = false;
    Stream<String> current = lines;
    if (current != null) {
      current.close();
    }
    reader.interrupt();
  }
}
