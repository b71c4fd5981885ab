package io.twinworks.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

  private static List<String> samples(String text) {
    return text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).sorted().toList();
  }
}
