package io.twinworks.runtime.bench;

/**
 * What a receiving side counted: for Twinworks the outcomes of {@code twinworks_ingest_readings_total} (accepted,
 * duplicate, late), for the bare broker the readings its subscriber received (all {@code accepted}).
 * {@link #applied()} is what this bench calls applied: each reading a twin persisted, once — accepted, or late
 * (stored, but older than the twin's latest); a duplicate is a repeat of a reading already counted.
 */
public record IngestCounters(long accepted, long duplicates, long late) {

  static final String METRIC = "twinworks_ingest_readings_total";

  public static final IngestCounters NONE = new IngestCounters(0, 0, 0);

  public static IngestCounters received(long readings) {
    return new IngestCounters(readings, 0, 0);
  }

  public long applied() {
    return accepted + late;
  }

  public IngestCounters plus(IngestCounters other) {
    return new IngestCounters(accepted + other.accepted, duplicates + other.duplicates, late + other.late);
  }

  public IngestCounters minus(IngestCounters before) {
    return new IngestCounters(accepted - before.accepted, duplicates - before.duplicates, late - before.late);
  }

  /** Reads the readings counter from Prometheus text ({@code GET /metrics}); missing outcomes count 0. */
  public static IngestCounters parse(String prometheusText) {
    long[] counts = new long[3];
    prometheusText.lines()
        .filter(line -> line.startsWith(METRIC + "{"))
        .forEach(line -> {
          long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          if (line.contains("outcome=\"accepted\"")) {
            counts[0] += value;
          } else if (line.contains("outcome=\"duplicate\"")) {
            counts[1] += value;
          } else if (line.contains("outcome=\"late\"")) {
            counts[2] += value;
          }
        });
    return new IngestCounters(counts[0], counts[1], counts[2]);
  }
}
