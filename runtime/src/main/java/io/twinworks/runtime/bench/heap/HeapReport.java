package io.twinworks.runtime.bench.heap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code bench heap} measured. Heap figures are bytes in use after full collections; per-twin figures are
 * the growth over the baseline (the machinery started and warmed up, no bench twin yet) divided by the twins.
 *
 * @param active the twins right after they were written; null only if creating them failed
 * @param idle the twins after they all passivated; null with {@code --active}
 */
public record HeapReport(
    Instant date,
    int twins,
    int readingsPerTwin,
    Duration idleTimeout,
    long maxHeapBytes,
    double createSeconds,
    long baselineHeapBytes,
    Phase active,
    Phase idle) {

  /**
   * One measurement.
   *
   * @param liveEntities sensor twins running (not passivated) when measured
   * @param bytesPerTwin heap growth over the baseline per twin; for the active phase, when some twins had
   *     passivated already, the estimate for an active one (see {@link HeapBench})
   * @param registered twins the directory knows, {@code watched} the heartbeat watch holds
   * @param largestClasses the classes that grew most, per twin
   */
  public record Phase(
      int liveEntities,
      long heapBytes,
      double bytesPerTwin,
      long registered,
      int watched,
      List<ClassHistogram.Growth> largestClasses) {}
}
