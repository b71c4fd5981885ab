package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The readings counter by outcome, read from the runtime's Prometheus text. */
class IngestCountersTest {

  private static final String METRICS = """
      # HELP twinworks_ingest_messages_total MQTT messages taken in, before decoding
      # TYPE twinworks_ingest_messages_total counter
      twinworks_ingest_messages_total 2150.0
      # HELP twinworks_ingest_readings_total Decoded readings by outcome at the twin: accepted, duplicate or late
      # TYPE twinworks_ingest_readings_total counter
      twinworks_ingest_readings_total{outcome="accepted"} 1.2345E7
      twinworks_ingest_readings_total{outcome="duplicate"} 3.0
      twinworks_ingest_readings_total{outcome="late"} 42.0
      """;

  @Test
  void appliedIsAcceptedAndLateButNotDuplicates() {
    IngestCounters counters = IngestCounters.parse(METRICS);
    assertEquals(new IngestCounters(12_345_000, 3, 42), counters);
    assertEquals(12_345_042, counters.applied()); // 12,345,000 accepted + 42 late
  }

  @Test
  void aRunCountsTheDifference() {
    IngestCounters before = new IngestCounters(1_000, 1, 2);
    IngestCounters after = new IngestCounters(4_000, 1, 7);
    assertEquals(new IngestCounters(3_000, 0, 5), after.minus(before));
    assertEquals(3_005, after.minus(before).applied());
  }

  @Test
  void aClusterCountsTheSumOfItsNodes() {
    IngestCounters node1 = new IngestCounters(1_000, 2, 10);
    IngestCounters node2 = new IngestCounters(900, 0, 30);
    // accepted 1,000 + 900; duplicates 2 + 0; late 10 + 30 → applied 1,900 + 40 = 1,940
    IngestCounters cluster = IngestCounters.NONE.plus(node1).plus(node2);
    assertEquals(new IngestCounters(1_900, 2, 40), cluster);
    assertEquals(1_940, cluster.applied());
  }

  @Test
  void withoutTheCounterNothingIsCounted() {
    assertEquals(IngestCounters.NONE, IngestCounters.parse("twinworks_ingest_messages_total 5.0\n"));
  }
}
