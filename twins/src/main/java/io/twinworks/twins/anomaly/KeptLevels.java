package io.twinworks.twins.anomaly;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The levels a {@link BlockQuantiles} keeps of each block — 0, the probabilities asked for, 1; ascending,
 * distinct — as one array per set of probabilities, shared by every window asking for them (every signal
 * with the same detector settings) instead of one per window. Up to {@value #MAX_SHARED} sets are shared;
 * past that, a window gets its own array. The arrays must never be written.
 */
final class KeptLevels {

  /** Distinct sets of probabilities shared at most (a configuration uses a handful). */
  static final int MAX_SHARED = 256;

  private static final Map<List<Double>, double[]> SHARED = new ConcurrentHashMap<>();

  private KeptLevels() {}

  /** 0, {@code probabilities} (each in [0, 1]) and 1, ascending and distinct. */
  static double[] of(double... probabilities) {
    double[] levels = sortedWithEnds(probabilities);
    if (SHARED.size() >= MAX_SHARED) {
      return SHARED.getOrDefault(key(levels), levels);
    }
    return SHARED.computeIfAbsent(key(levels), key -> levels);
  }

  private static double[] sortedWithEnds(double[] probabilities) {
    double[] all = Arrays.copyOf(probabilities, probabilities.length + 2);
    all[probabilities.length] = 0;
    all[probabilities.length + 1] = 1;
    for (double p : all) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("a quantile's probability must be in [0, 1], was " + p);
      }
    }
    return Arrays.stream(all).sorted().distinct().toArray();
  }

  private static List<Double> key(double[] levels) {
    return Arrays.stream(levels).boxed().toList();
  }
}
