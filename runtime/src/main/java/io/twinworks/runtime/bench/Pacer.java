package io.twinworks.runtime.bench;

/**
 * Paces a publisher to {@code perSecond} readings a second on average from its start; 0 is unpaced (as fast as
 * the window of publishes in flight allows). A publisher that fell behind catches up at once.
 */
public record Pacer(double perSecond) {

  public Pacer {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("--rate must be a number of readings/s, at least 0, was " + perSecond);
    }
  }

  /** How many readings may have been issued {@code elapsedNanos} after the start. */
  public long allowance(long elapsedNanos) {
    if (perSecond == 0) {
      return Long.MAX_VALUE;
    }
    return (long) (elapsedNanos / 1e9 * perSecond);
  }
}
