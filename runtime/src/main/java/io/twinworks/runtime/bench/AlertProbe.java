package io.twinworks.runtime.bench;

import io.twinworks.runtime.bench.AlertStreamReader.Received;
import io.twinworks.runtime.simulator.Payloads;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Publish of an anomalous reading → its alert on SSE. A probe sensor twin ({@code default:PROBE-<run>}, a new one
 * per bench) gets a {@code threshold} detector ({@code high = 100}) on its signal {@code value}. Each
 * {@link #fire()} publishes an anomalous reading A = 150 at source time s and at once a normal one N = 20 at
 * s + 2.5 s, whose source time moves the twin's reorder watermark (latest − 2 s grace) past A, so A is analysed as
 * soon as N arrives instead of waiting for the next probe. N is analysed with the next A and clears the alert, so
 * each A raises a new one. Timed: from just before A's publish to the arrival of the {@code active} threshold
 * alert whose {@code sourceTime} is s on {@code /api/v1/alerts/stream?twin=}. Source times advance 5 s per probe
 * from the start (an hour of probes once a second is 5 h of source time, inside the default 1-day future skew).
 */
final class AlertProbe implements AutoCloseable {

  private static final double LIMIT = 100;
  private static final Duration APPEAR = Duration.ofSeconds(30);

  private final ProbePublisher publisher;
  private final String sensorId;
  private final Instant base;
  private final AlertStreamReader stream;
  /** A probe sent at {@code nanos} on the monotonic clock and {@code wall} on the wall clock. */
  private record Sent(long nanos, Instant wall) {}

  private final Map<Instant, Sent> pending = new HashMap<>();
  private Histogram micros = new Histogram(Percentiles.DIGITS);
  private Histogram untilReceived = new Histogram(Percentiles.DIGITS);
  private Histogram afterReceived = new Histogram(Percentiles.DIGITS);
  private int fired;
  private int matched;
  private long sent;

  private AlertProbe(ProbePublisher publisher, String sensorId, Instant base, AlertStreamReader stream) {
    this.publisher = publisher;
    this.sensorId = sensorId;
    this.base = base;
    this.stream = stream;
  }

  /** Creates the probe twin with one normal reading, gives it the threshold alone and opens its alert stream. */
  static AlertProbe start(ProbePublisher publisher, TwinworksApi api, String httpUrl) {
    String sensorId = "PROBE-" + Long.toString(System.currentTimeMillis(), 36);
    String twinId = "default:" + sensorId;
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    publisher.publish(topic(sensorId), payload(sensorId, 20, base.minusSeconds(10)));
    api.awaitTwin(twinId, APPEAR);
    api.configure(twinId, "{\"detectors\": {\"value\": [{\"type\": \"threshold\", \"high\": " + LIMIT + "}]}}");
    return new AlertProbe(publisher, sensorId, base, AlertStreamReader.start(httpUrl, twinId, 0));
  }

  /** Publishes the next anomalous reading and the normal one that releases it. */
  synchronized void fire() {
    Instant anomalous = base.plusSeconds(5L * fired++);
    Sent sentAt = new Sent(System.nanoTime(), Instant.now());
    if (publisher.publish(topic(sensorId), payload(sensorId, 150, anomalous))) {
      pending.put(anomalous, sentAt);
      sent++;
    }
    publisher.publish(topic(sensorId), payload(sensorId, 20, anomalous.plusMillis(2_500)));
  }

  /** Alerts raised so far (for progress lines). */
  int raised() {
    return raisedChanges().size();
  }

  /** Whether every probe fired since the last {@link #interval()} has its alert. */
  synchronized boolean settled() {
    match();
    return pending.isEmpty();
  }

  /** The probes since the last call: how many were sent and the latencies of the alerts seen; forgets the rest. */
  synchronized ProbeLatency interval() {
    match();
    ProbeLatency latency = new ProbeLatency(sent, Percentiles.ofMicros(micros), new ProbeLatency.Stages(
        Percentiles.ofMicros(untilReceived), Percentiles.ofMicros(afterReceived)));
    micros = new Histogram(Percentiles.DIGITS);
    untilReceived = new Histogram(Percentiles.DIGITS);
    afterReceived = new Histogram(Percentiles.DIGITS);
    sent = 0;
    pending.clear();
    return latency;
  }

  /**
   * Times the probes whose alert has arrived since the last look, and splits each time at the alert's
   * {@code raisedAt} (the runtime's receive stamp; same machine, so the wall clocks agree).
   */
  private void match() {
    List<Received> changes = raisedChanges();
    for (; matched < changes.size(); matched++) {
      Received change = changes.get(matched);
      Sent sentAt = pending.remove(Instant.parse(change.alert().path("sourceTime").asText()));
      if (sentAt != null) {
        long total = Math.max(0, change.arrivedNanos() - sentAt.nanos()) / 1_000;
        long until = Math.max(0, Math.min(total,
            Duration.between(sentAt.wall(), Instant.parse(change.alert().path("raisedAt").asText())).toNanos() / 1_000));
        micros.recordValue(total);
        untilReceived.recordValue(until);
        afterReceived.recordValue(total - until);
      }
    }
  }

  private List<Received> raisedChanges() {
    return stream.changes().stream()
        .filter(c -> "threshold".equals(c.alert().path("kind").asText()))
        .filter(c -> "active".equals(c.alert().path("state").asText()))
        .toList();
  }

  private static String topic(String sensorId) {
    return "sensors/" + sensorId + "/data";
  }

  private static String payload(String sensorId, double value, Instant at) {
    return Payloads.sensorData(sensorId, "value", value, at);
  }

  @Override
  public void close() {
    stream.close();
  }
}
