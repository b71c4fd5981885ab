package io.twinworks.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.connect.PollerSpec;
import io.twinworks.testsupport.MosquittoBroker;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's health: its metrics and status line while it forwards, and after the broker went away. */
class EdgeGatewayIT {

  @TempDir
  Path dir;

  @Test
  void metricsAndStatusTellWhatWasForwardedAndWhatWaits() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      EdgeSettings settings = EdgeSettings.fromConfig(GatewayFile.load(Files.writeString(dir.resolve("g.yaml"), """
          gateway: gw-it
          mqtt: {url: "%s", min-backoff: 100ms, max-backoff: 500ms}
          buffer: {path: "%s"}
          metrics-port: 0
          status-interval: 200ms
          """.formatted(broker.url(), dir.resolve("buffer.db")))));
      List<String> lines = new CopyOnWriteArrayList<>();
      List<PollerSpec> pollers = List.of(new PollerSpec("test:five", sink -> {
        sink.readings(readings(0, 5)).toCompletableFuture().join();
        sink.deadLetter(DeadLetter.of(Instant.now(), "modbus:x", "no answer within 1s", new byte[0]));
        return () -> { };
      }));
      try (EdgeGateway gateway = EdgeGateway.start(settings, pollers, lines::add)) {
        await(() -> gateway.status().forwardedReadings() == 5, () -> gateway.status().toString());
        String metrics = scrape(gateway.metricsPort());
        assertTrue(metrics.contains("twinworks_edge_forwarded_readings_total 5.0"), metrics);
        assertTrue(metrics.contains("twinworks_edge_buffered_readings 0.0"), metrics);
        assertTrue(metrics.contains("twinworks_edge_connected 1.0"), metrics);
        assertTrue(metrics.contains("twinworks_edge_poller_problems_total 1.0"), metrics);

        // The status line is printed every 200 ms, so the first one after forwarding may still be on its way.
        await(() -> lines.stream().anyMatch(l -> l.startsWith("edge gw-it: connected to " + broker.url()
            + ", 0 readings buffered, 0 dropped")), lines::toString);

        broker.stop();
        await(() -> !gateway.status().connected(), () -> gateway.status().toString());
        await(() -> lines.stream().anyMatch(l -> l.startsWith("edge gw-it: NOT CONNECTED to")), lines::toString);
        assertTrue(scrape(gateway.metricsPort()).contains("twinworks_edge_connected 0.0"));
      }
    }
  }

  private static List<Reading> readings(int from, int count) {
    List<Reading> readings = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Instant at = Instant.parse("2026-11-22T09:00:00Z").plusMillis(100L * i);
      readings.add(new Reading(TwinId.of("default:line1:m1"), TwinKind.MACHINE, "v", i, Quality.GOOD, at, at,
          "test:five", i));
    }
    return readings;
  }

  private static String scrape(int port) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static void await(BooleanSupplier condition, Supplier<String> seen) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, () -> "condition not met within 20 s; seen: " + seen.get());
      Thread.sleep(50);
    }
  }
}
