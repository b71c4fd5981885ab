package io.twinworks.runtime.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One kind of probe over one run: how many were sent, and the latencies of those whose effect was seen; for alert
 * probes also split where the runtime stamped the reading as received (null for other probes).
 */
public record ProbeLatency(long sent, Percentiles millis, Stages stages) {

  /**
   * An alert's latency in two parts, at the runtime's receive stamp of the reading that raised it (its
   * {@code raisedAt}): before it, the broker and the queue in front of the ingest batch; after it, the twin's persist,
   * the alert hub, the alert log and the stream.
   */
  public record Stages(Percentiles untilReceived, Percentiles afterReceived) {}

  public ProbeLatency(long sent, Percentiles millis) {
    this(sent, millis, null);
  }

  /** Probes whose effect was not seen by the end of the run's drain. */
  @JsonProperty("unseen")
  public long unseen() {
    return sent - millis.count();
  }
}
