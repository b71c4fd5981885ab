package io.twinworks.runtime.bench.heap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap the live objects take: used heap right after full collections, the least of a few. */
final class HeapAfterGc {

  private static final int ROUNDS = 3;
  private static final long SETTLE_MILLIS = 200;

  private HeapAfterGc() {}

  static long measure() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < ROUNDS; i++) {
      memory.gc();
      Thread.sleep(SETTLE_MILLIS); // references cleared by the collection are processed in between
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
