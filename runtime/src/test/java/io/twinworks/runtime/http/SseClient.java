package io.twinworks.runtime.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client for tests: reads events on its own thread into a queue. */
final class SseClient implements AutoCloseable {

  /** One event: its id, type and data. */
  record Event(String id, String type, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code pathAndQuery}; {@code lastEventId} may be null. Returns once the response headers are in. */
  static SseClient open(ApiHarness api, String pathAndQuery, String lastEventId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(pathAndQuery)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response = api.client().send(request.build(), HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw new AssertionError("status " + response.statusCode());
    }
    return new SseClient(response);
  }

  private void read() {
    String id = null;
    String type = null;
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) response.body()::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, type, data.toString()));
          }
          id = null;
          type = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (RuntimeException e) {
      // closed
    }
  }

  /** The next event within {@code timeout}; fails when none came. */
  Event next(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return event;
  }

  /** The next {@code n} events, each within {@code timeout}. */
  List<Event> next(int n, Duration timeout) throws InterruptedException {
    List<Event> got = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      got.add(next(timeout));
    }
    return got;
  }

  /** True when no event arrives within {@code wait}. */
  boolean quietFor(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
