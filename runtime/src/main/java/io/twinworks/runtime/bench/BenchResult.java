package io.twinworks.runtime.bench;

/** One measured run: how many readings were published, acknowledged by the broker and received. */
public record BenchResult(String name, long published, long acknowledged, long received, double seconds) {

  public double ratePerSecond() {
    return received / seconds;
  }

  public boolean complete() {
    return received >= published;
  }
}
