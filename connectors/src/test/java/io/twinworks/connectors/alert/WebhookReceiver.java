package io.twinworks.connectors.alert;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port that records every request and answers from a per-path script
 * (then 200). Each request gets its own thread, so a slow reply delays no other.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One recorded request. */
  record Received(String method, String path, Headers headers, byte[] body, long arrivedNanos) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** One scripted answer, sent after {@code delayMillis}. */
  record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
    static Reply status(int status) {
      return new Reply(status, "", Map.of(), 0);
    }

    Reply withBody(String text) {
      return new Reply(status, text, headers, delayMillis);
    }

    Reply withHeader(String name, String value) {
      return new Reply(status, body, Map.of(name, value), delayMillis);
    }

    Reply after(long millis) {
      return new Reply(status, body, headers, millis);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "webhook-receiver");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Reply> always = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static WebhookReceiver start() {
    try {
      return new WebhookReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers the next requests to {@code path} with these replies, in order, then 200. */
  void script(String path, Reply... replies) {
    scripts.put(path, new ArrayDeque<>(List.of(replies)));
  }

  /** Answers every request to {@code path} with this reply. */
  void always(String path, Reply reply) {
    always.put(path, reply);
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    String path = exchange.getRequestURI().getPath();
    try (InputStream in = exchange.getRequestBody()) {
      received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), in.readAllBytes(), arrived));
    }
    Reply reply = next(path);
    try {
      Thread.sleep(reply.delayMillis());
    } catch (InterruptedException e) {
      exchange.close();
      return;
    }
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Reply next(String path) {
    Reply fixed = always.get(path);
    if (fixed != null) {
      return fixed;
    }
    synchronized (scripts) {
      Deque<Reply> script = scripts.get(path);
      return script == null || script.isEmpty() ? Reply.status(200) : script.poll();
    }
  }
}
