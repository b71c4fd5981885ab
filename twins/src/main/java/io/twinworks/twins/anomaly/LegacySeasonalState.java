package io.twinworks.twins.anomaly;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * The seasonal state of the first version (JSON {@code seasonal}), read from snapshots it wrote: per slot
 * its means of past periods, the sums of the period being filled, and every difference of the window.
 * {@link #profile} rebuilds a {@link SeasonalProfile} from it — for any number of slots, as the default
 * went from 288 slots to 48: a new slot's mean in a period is the mean of the old slots' means that start
 * in it.
 *
 * @param means past slot means, slot s's at {@code s · periods} to {@code (s + 1) · periods − 1}
 * @param meanPeriods the period of each past mean, {@link Long#MIN_VALUE} where none
 * @param openSums the sum of each slot's readings in its latest period
 * @param openCounts how many readings each slot has in its latest period
 * @param openPeriods each slot's latest period, {@link Long#MIN_VALUE} where none
 * @param differences the window of absolute differences, oldest first
 */
public record LegacySeasonalState(double[] means, long[] meanPeriods, double[] openSums, int[] openCounts,
    long[] openPeriods, double[] differences, FindingGate.State gate) implements DetectorState {

  private static final long NONE = Long.MIN_VALUE;

  /** The profile of {@code slots} slots and {@code pastPeriods} past periods holding what this state holds. */
  SeasonalProfile.State profile(int slots, int pastPeriods) {
    int oldSlots = openSums.length;
    int oldPeriods = oldSlots == 0 ? 0 : means.length / oldSlots;
    long latest = Math.max(Arrays.stream(openPeriods).max().orElse(NONE),
        Arrays.stream(meanPeriods).max().orElse(NONE));
    // period → per new slot: sum and number of means (past periods) or of readings (the latest period)
    TreeMap<Long, double[]> sums = new TreeMap<>();
    TreeMap<Long, int[]> counts = new TreeMap<>();
    for (int old = 0; old < oldSlots; old++) {
      int slot = (int) ((long) old * slots / oldSlots);
      for (int i = old * oldPeriods; i < (old + 1) * oldPeriods; i++) {
        if (meanPeriods[i] != NONE) {
          sums.computeIfAbsent(meanPeriods[i], p -> new double[slots])[slot] += means[i];
          counts.computeIfAbsent(meanPeriods[i], p -> new int[slots])[slot]++;
        }
      }
      if (openPeriods[old] != NONE && openCounts[old] > 0) {
        boolean latestPeriod = openPeriods[old] == latest;
        sums.computeIfAbsent(openPeriods[old], p -> new double[slots])[slot] +=
            latestPeriod ? openSums[old] : openSums[old] / openCounts[old];
        counts.computeIfAbsent(openPeriods[old], p -> new int[slots])[slot] += latestPeriod ? openCounts[old] : 1;
      }
    }
    int rows = pastPeriods + 1;
    long[] periods = new long[rows];
    double[] anchors = new double[rows];
    float[] profileMeans = new float[rows * slots];
    int[] openRowCounts = new int[slots];
    Arrays.fill(periods, NONE);
    Arrays.fill(profileMeans, Float.NaN);
    // the latest period is the row being filled, after (at most) pastPeriods rows of the periods before it
    Long[] kept = sums.descendingKeySet().stream().limit(rows).sorted().toArray(Long[]::new);
    for (int row = 0; row < kept.length; row++) {
      double[] periodSums = sums.get(kept[row]);
      int[] periodCounts = counts.get(kept[row]);
      periods[row] = kept[row];
      anchors[row] = Double.NaN;
      for (int slot = 0; slot < slots; slot++) {
        if (periodCounts[slot] > 0) {
          double mean = periodSums[slot] / periodCounts[slot];
          anchors[row] = Double.isNaN(anchors[row]) ? mean : anchors[row];
          profileMeans[row * slots + slot] = (float) (mean - anchors[row]);
        }
      }
      if (kept[row] == latest) {
        System.arraycopy(periodCounts, 0, openRowCounts, 0, slots);
      }
    }
    return new SeasonalProfile.State(periods, anchors, profileMeans, openRowCounts, Math.max(0, kept.length - 1));
  }
}
