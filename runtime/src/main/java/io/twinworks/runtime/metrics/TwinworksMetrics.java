package io.twinworks.runtime.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.twinworks.runtime.alert.delivery.AlertDelivery;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.alert.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/** The process's Prometheus metrics, one registry per runtime. */
public final class TwinworksMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);

  private final Counter messages = Counter.builder()
      .name("twinworks_ingest_messages_total")
      .help("MQTT messages taken in, before decoding")
      .register(registry);
  private final Counter readings = Counter.builder()
      .name("twinworks_ingest_readings_total")
      .help("Decoded readings by outcome at the twin: accepted, duplicate or late")
      .labelNames("outcome")
      .register(registry);
  private final Counter commands = Counter.builder()
      .name("twinworks_twin_commands_total")
      .help("Commands that recorded readings in twins (one journal event each); readings/commands is the coalescing")
      .register(registry);
  private final Counter askRetries = Counter.builder()
      .name("twinworks_ingest_ask_retries_total")
      .help("Asks to twins sent again after ask-timeout passed without an answer (a shard moving, a slow store)")
      .register(registry);
  private final Counter deadLetters = Counter.builder()
      .name("twinworks_dead_letters_total")
      .help("Inputs rejected to the dead-letter store")
      .register(registry);
  private final Counter persists = Counter.builder()
      .name("twinworks_persist_total")
      .help("Twin persist requests by result: ok or failed")
      .labelNames("result")
      .register(registry);
  private final Histogram persistLatency = Histogram.builder()
      .name("twinworks_persist_latency_seconds")
      .help("Time from handing a batch to a twin until it is persisted")
      .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
      .register(registry);
  private final Histogram alertLatency = Histogram.builder()
      .name("twinworks_alert_latency_seconds")
      .help("Time from an alert change (a raise: the receive stamp of the reading that raised it; an acknowledge; a"
          + " clear) until this node's alert tail had it (from the append's notice or the alert log), to hand to its"
          + " SSE subscribers")
      .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
      .register(registry);

  public TwinworksMetrics() {
    JvmMetrics.builder().register(registry);
    // Labelled series exist from the start (at 0), not only after their first event: a scrape right
    // after start shows every series, and rate()/alerts on e.g. result="failed" have data.
    persists.initLabelValues("ok");
    persists.initLabelValues("failed");
    readings.initLabelValues("accepted");
    readings.initLabelValues("duplicate");
    readings.initLabelValues("late");
  }

  public void messagesReceived(int count) {
    messages.inc(count);
  }

  /** Counts what one command to a twin did with its readings. */
  public void recorded(Recorded outcome) {
    commands.inc();
    readings.labelValues("accepted").inc(outcome.accepted());
    readings.labelValues("duplicate").inc(outcome.duplicates());
    readings.labelValues("late").inc(outcome.late());
  }

  public void askRetried() {
    askRetries.inc();
  }

  public void deadLettered(int count) {
    deadLetters.inc(count);
  }

  public void persisted(long nanos) {
    persists.labelValues("ok").inc();
    persistLatency.observe(nanos / 1e9);
  }

  public void persistFailed() {
    persists.labelValues("failed").inc();
  }

  /** This node's alert tail read {@code alert} (one change) at {@code now}. */
  public void alertRead(Alert alert, Instant now) {
    Instant changed = switch (alert.state()) {
      case ACTIVE -> alert.raisedAt();
      case ACKNOWLEDGED -> alert.acknowledgedAt();
      case CLEARED -> alert.clearedAt();
    };
    if (changed != null) {
      alertLatency.observe(Math.max(0, Duration.between(changed, now).toNanos()) / 1e9);
    }
  }

  /**
   * One gauge per channel of alert delivery running on this node (in a cluster, all on the node that hosts them, none
   * on the others): how far behind the log it is, and what it delivered and dropped.
   */
  public void alertChannels(Supplier<List<AlertDelivery>> channels) {
    GaugeWithCallback.builder().name("twinworks_alert_delivery_lag").help("Alert changes a channel has yet to deliver")
        .labelNames("channel")
        .callback(callback -> channels.get().forEach(c -> callback.call(c.metrics().lag(), c.name())))
        .register(registry);
    GaugeWithCallback.builder().name("twinworks_alert_delivery_delivered").help("Alert changes a channel delivered")
        .labelNames("channel")
        .callback(callback -> channels.get().forEach(c -> callback.call(c.metrics().delivered(), c.name())))
        .register(registry);
    GaugeWithCallback.builder().name("twinworks_alert_delivery_dropped")
        .help("Alert changes a channel gave up on (a webhook that refused or never answered)")
        .labelNames("channel")
        .callback(callback -> channels.get().forEach(c -> callback.call(c.metrics().dropped(), c.name())))
        .register(registry);
  }

  /** Registers a gauge read when scraped, e.g. the number of registered twins. */
  public void gauge(String name, String help, DoubleSupplier value) {
    GaugeWithCallback.builder().name(name).help(help)
        .callback(callback -> callback.call(value.getAsDouble()))
        .register(registry);
  }

  /** Registers a gauge with one label, read when scraped: one series per entry of {@code values}. */
  public void gauge(String name, String help, String label, Supplier<Map<String, ? extends Number>> values) {
    GaugeWithCallback.builder().name(name).help(help).labelNames(label)
        .callback(callback -> values.get().forEach((value, number) -> callback.call(number.doubleValue(), value)))
        .register(registry);
  }

  public long acceptedReadings() {
    return (long) readings.labelValues("accepted").get();
  }

  public long deadLetterCount() {
    return (long) deadLetters.get();
  }

  public String scrape() {
    return scrape(Set.of());
  }

  /**
   * The metrics named in {@code names} (a counter by its name with or without {@code _total}), or all when empty:
   * a scraper that wants one counter often (the bench, 10 times a second) need not have the JVM and process
   * metrics collected each time.
   */
  public String scrape(Set<String> names) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, names.isEmpty() ? registry.scrape()
          : registry.scrape(name -> names.contains(name) || names.contains(name + "_total")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
