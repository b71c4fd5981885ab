package io.twinworks.runtime.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One kind of probe over one run: how many were sent, and the latencies of those whose effect was seen. */
public record ProbeLatency(long sent, Percentiles millis) {

  /** Probes whose effect was not seen by the end of the run's drain. */
  @JsonProperty("unseen")
  public long unseen() {
    return sent - millis.count();
  }
}
