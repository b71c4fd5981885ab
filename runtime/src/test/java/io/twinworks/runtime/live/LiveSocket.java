package io.twinworks.runtime.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.http.JsonResponses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A dashboard's side of {@code /api/v1/stream} with the JDK's WebSocket client: collects the server's messages as
 * JSON. {@link #pause()} stops reading from the socket (as a slow browser does) until {@link #resume()}.
 */
public final class LiveSocket implements AutoCloseable {

  private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final WebSocket socket;
  private volatile boolean paused;

  private LiveSocket(URI uri) {
    socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, new Collector()).join();
  }

  public static LiveSocket open(int httpPort, String path) {
    return new LiveSocket(URI.create("ws://127.0.0.1:" + httpPort + path));
  }

  public void send(String json) {
    socket.sendText(json, true).join();
  }

  /** The next message that {@code matches}, skipping others; fails after {@code within}. */
  public JsonNode await(Predicate<JsonNode> matches, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      JsonNode next = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("no matching message within " + within);
      }
      if (matches.test(next)) {
        return next;
      }
    }
  }

  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
    socket.request(1);
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          received.add(JsonResponses.mapper().readTree(partial.toString()));
        } catch (Exception e) {
          throw new AssertionError("not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      if (!paused) {
        webSocket.request(1);
      }
      return null;
    }
  }
}
