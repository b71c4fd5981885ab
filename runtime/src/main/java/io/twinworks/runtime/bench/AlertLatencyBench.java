package io.twinworks.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.twinworks.runtime.bench.AlertStreamReader.Received;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@code twinworks bench alerts}: the time from publishing an offending reading to its alert arriving on
 * SSE, under a background load. A probe twin gets a {@code threshold} detector ({@code high = 100}); every
 * second the probe publishes an anomalous reading A at source time s and at once a normal one N at s + 2.5 s,
 * whose source time moves the twin's reorder watermark (latest − 2 s grace) past A, so A is analysed as soon
 * as N arrives instead of waiting for the next second's reading. N is analysed with the next A and clears the
 * alert, so each A raises a new one. Timed: from just before A's QoS 1 publish to the arrival of the
 * {@code active} threshold alert whose {@code sourceTime} is s on {@code /api/v1/alerts/stream?twin=}.
 * Source times advance 5 s per probe (60 s of probes are 5 min of source time, well inside the future skew).
 */
public final class AlertLatencyBench {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final double LIMIT = 100;
  private static final Duration STRAGGLERS = Duration.ofSeconds(5);

  /** What to load and for how long. */
  public record Settings(String mqttUrl, String httpUrl, double rate, int twins, int seconds, int window) {
    public Settings {
      if (rate < 0 || twins < 1 || seconds < 1 || window < 1) {
        throw new IllegalArgumentException("--rate must be at least 0, --twins, --seconds and --window positive");
      }
    }
  }

  /** The measurement, also written as JSON; latencies in milliseconds. */
  public record Report(Instant date, Settings settings, int probes, Percentiles latencyMillis,
      double backgroundRatePerSecond, long backgroundAcknowledged) {}

  private AlertLatencyBench() {}

  public static Report run(Settings settings, Path json) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    String probe = "PROBE-" + runId;
    String probeTopic = "sensors/" + probe + "/data";
    Instant base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    MqttClient client = new MqttClient(settings.mqttUrl(), "alert-probe-" + runId, new MemoryPersistence());
    client.connect(new MqttConnectOptions());
    Map<Instant, Long> published = new ConcurrentHashMap<>();
    WindowedPublisher load = new WindowedPublisher(settings.mqttUrl(), 1);
    long loadTotal = (long) (settings.rate() * settings.seconds());
    try {
      publish(client, probeTopic, 20, base.minusSeconds(10));
      configure(settings.httpUrl(), "default:" + probe);
      try (AlertStreamReader stream = AlertStreamReader.start(settings.httpUrl(), "default:" + probe, 0)) {
        long loadStart = System.nanoTime();
        CompletableFuture<Void> loading = CompletableFuture.runAsync(() -> background(load, settings, runId, loadTotal));
        long next = System.nanoTime();
        for (int k = 0; k < settings.seconds(); k++) {
          next += 1_000_000_000L;
          WindowedPublisher.pause(Math.max(0, (next - System.nanoTime()) / 1_000_000));
          Instant anomalous = base.plusSeconds(5L * k);
          published.put(anomalous, System.nanoTime());
          publish(client, probeTopic, 150, anomalous);
          publish(client, probeTopic, 20, anomalous.plusMillis(2_500));
          if (k % 10 == 9) {
            System.out.printf("bench alerts: %d probes, %d alerts, %,d background readings acknowledged%n", k + 1,
                raised(stream).size(), load.acknowledged());
          }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long acknowledged = load.acknowledged();
        long waitUntil = System.nanoTime() + STRAGGLERS.toNanos();
        while (raised(stream).size() < settings.seconds() && System.nanoTime() < waitUntil) {
          WindowedPublisher.pause(100);
        }
        List<Double> latencies = new ArrayList<>();
        for (Received change : raised(stream)) {
          Long sent = published.get(Instant.parse(change.alert().path("sourceTime").asText()));
          if (sent != null) {
            latencies.add((change.arrivedNanos() - sent) / 1e6);
          }
        }
        loading.cancel(true);
        Report report = new Report(Instant.now(), settings, settings.seconds(),
            Percentiles.of(latencies.stream().mapToDouble(Double::doubleValue).toArray()),
            acknowledged / loadSeconds, acknowledged);
        print(report);
        if (json != null) {
          new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
          System.out.println("bench alerts: results written to " + json);
        }
        return report;
      }
    } finally {
      client.disconnect();
      client.close();
    }
  }

  private static void background(WindowedPublisher load, Settings settings, String runId, long total) {
    if (total == 0) {
      return;
    }
    try {
      load.publishAll(new WindowedPublisher.Messages() {
        @Override
        public int total() {
          return (int) Math.min(total, Integer.MAX_VALUE);
        }

        @Override
        public String topic(int n) {
          return "sensors/ALOAD-" + (n % settings.twins()) + "-" + runId + "/data";
        }

        @Override
        public byte[] payload(int n) {
          return ("{\"value\": " + (20 + n % 7) + ", \"timestamp\": \"" + Instant.now() + "\"}")
              .getBytes(StandardCharsets.UTF_8);
        }
      }, settings.window(), settings.rate(), Duration.ofSeconds(settings.seconds() + 60L));
    } catch (Exception e) {
      System.err.println("bench alerts: background load stopped: " + e.getMessage());
    }
  }

  private static List<Received> raised(AlertStreamReader stream) {
    return stream.changes().stream()
        .filter(c -> "threshold".equals(c.alert().path("kind").asText()))
        .filter(c -> "active".equals(c.alert().path("state").asText()))
        .toList();
  }

  private static void publish(MqttClient client, String topic, double value, Instant at) throws Exception {
    client.publish(topic, ("{\"value\": " + value + ", \"timestamp\": \"" + at + "\"}").getBytes(StandardCharsets.UTF_8),
        1, false);
  }

  /** Waits for the probe twin to exist, then gives its signal the threshold detector alone. */
  private static void configure(String httpUrl, String twinId) throws Exception {
    URI twin = URI.create(httpUrl + "/api/v1/twins/" + twinId);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (HTTP.send(HttpRequest.newBuilder(twin).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("probe twin " + twinId + " did not appear at " + twin);
      }
      WindowedPublisher.pause(100);
    }
    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(twin + "/config"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"detectors\": {\"value\": [{\"type\": \"threshold\", \"high\": "
                + LIMIT + "}]}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 200) {
      throw new IllegalStateException("PUT " + twin + "/config answered " + put.statusCode() + ": " + put.body());
    }
  }

  private static void print(Report r) {
    Percentiles p = r.latencyMillis();
    System.out.println();
    System.out.printf(Locale.ROOT, "probes %d, alerts measured %d%n", r.probes(), p.count());
    System.out.printf(Locale.ROOT, "publish → SSE latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", p.p50(), p.p95(),
        p.p99(), p.max());
    System.out.printf(Locale.ROOT, "background: %,.0f readings/s achieved (%,d acknowledged) of %,.0f asked, %d twins%n",
        r.backgroundRatePerSecond(), r.backgroundAcknowledged(), r.settings().rate(), r.settings().twins());
  }
}
