package io.twinworks.runtime.alert.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.twinworks.connectors.alert.AlertJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port: a path ending in {@code /down} always answers 503, any other 200. Records each
 * request's path, {@code X-Twinworks-Delivery} header and alert id.
 */
public final class WebhookSink implements AutoCloseable {

  record Request(String path, long delivery, String alertId) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  public static WebhookSink start() {
    try {
      return new WebhookSink();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The alert ids posted to {@code path}, in arrival order. */
  public List<String> alertIds(String path) {
    return requests(path).stream().map(Request::alertId).toList();
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try (InputStream in = exchange.getRequestBody()) {
      requests.add(new Request(path, Long.parseLong(exchange.getRequestHeaders().getFirst("X-Twinworks-Delivery")),
          AlertJson.parse(in.readAllBytes()).id()));
    }
    exchange.sendResponseHeaders(path.endsWith("/down") ? 503 : 200, -1);
    exchange.close();
  }
}
