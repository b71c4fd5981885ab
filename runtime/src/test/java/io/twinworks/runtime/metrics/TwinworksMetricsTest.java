package io.twinworks.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TwinworksMetricsTest {

  private final TwinworksMetrics metrics = new TwinworksMetrics();

  @Test
  void aScrapeByNameHasOnlyTheNamedMetrics() {
    metrics.messagesReceived(3);
    metrics.gauge("twinworks_test_gauge", "a gauge", () -> 7);

    List<String> samples = samples(metrics.scrape(Set.of("twinworks_ingest_messages_total", "twinworks_test_gauge")));

    assertEquals(List.of("twinworks_ingest_messages_total 3.0", "twinworks_test_gauge 7.0"), samples);
  }

  @Test
  void aCounterIsFoundWithoutItsTotalSuffixToo() {
    metrics.messagesReceived(2);

    assertEquals(List.of("twinworks_ingest_messages_total 2.0"),
        samples(metrics.scrape(Set.of("twinworks_ingest_messages"))));
  }

  @Test
  void noNamesMeansEverything() {
    String all = metrics.scrape(Set.of());

    assertTrue(all.contains("twinworks_dead_letters_total"), all);
    assertTrue(all.contains("jvm_memory_used_bytes"), all);
    assertFalse(samples(metrics.scrape(Set.of("no_such_metric"))).iterator().hasNext());
  }

  @Test
  void alertLatencyRunsFromTheChangesOwnTimeToTheRead() {
    Instant raised = Instant.parse("2026-11-22T10:00:00Z");
    Alert active = alert(raised);
    metrics.alertRead(active, raised.plusMillis(40)); // a raise read 40 ms after its reading was received
    metrics.alertRead(active.cleared(raised.plusSeconds(60)), raised.plusSeconds(62)); // a clear read 2 s after it

    List<String> samples = samples(metrics.scrape(Set.of("twinworks_alert_latency_seconds")));

    assertTrue(samples.contains("twinworks_alert_latency_seconds_count 2"), samples.toString());
    assertTrue(samples.contains("twinworks_alert_latency_seconds_sum 2.04"), samples.toString()); // 0.04 + 2
    assertTrue(samples.contains("twinworks_alert_latency_seconds_bucket{le=\"0.05\"} 1"), samples.toString());
    assertTrue(samples.contains("twinworks_alert_latency_seconds_bucket{le=\"2.5\"} 2"), samples.toString());
  }

  @Test
  void aLabelledGaugeHasASeriesPerEntry() {
    metrics.gauge("twinworks_test_members", "members", "status", () -> Map.of("up", 3, "leaving", 0));

    assertEquals(List.of("twinworks_test_members{status=\"leaving\"} 0.0", "twinworks_test_members{status=\"up\"} 3.0"),
        samples(metrics.scrape(Set.of("twinworks_test_members"))));
  }

  private static Alert alert(Instant raised) {
    TwinId twin = TwinId.of("acme:s1");
    return new Alert(Alert.id(twin, 1), twin, "threshold", Severity.WARNING, "temperature", 80, Double.NaN,
        Double.NaN, "threshold", AlertState.ACTIVE, raised, null, null, null, Map.of());
  }

  private static List<String> samples(String text) {
    return text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).sorted().toList();
  }
}
