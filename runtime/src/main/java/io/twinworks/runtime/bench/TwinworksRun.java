package io.twinworks.runtime.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * End to end: the same publisher into the broker a running Twinworks subscribes to, counted by the
 * runtime's own metric of readings its twins have persisted (accepted, duplicate or late).
 */
final class TwinworksRun {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TwinworksRun() {}

  static BenchResult run(BenchSettings settings, Measurement.Progress progress) throws Exception {
    URI metrics = URI.create(settings.httpUrl() + "/metrics");
    // Readings end now, so a later run's readings are newer and count as accepted, not late.
    Instant start = Instant.now().minusMillis(settings.readingsPerTwin() * 10L);
    LoadPublisher publisher = new LoadPublisher(settings.mqttUrl(), "sensors", settings.qos(), settings.twins(),
        settings.readingsPerTwin(), start);
    return Measurement.of("twinworks", publisher, () -> persistedReadings(metrics), settings, progress);
  }

  /** The sum of {@code twinworks_ingest_readings_total} over its outcomes. */
  static long persistedReadings(URI metrics) {
    try {
      String text = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return (long) text.lines()
          .filter(line -> line.startsWith("twinworks_ingest_readings_total{"))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .sum();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + metrics + " (is Twinworks running there?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
