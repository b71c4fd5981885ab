package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Daily (or any {@code period}) pattern: the period is cut into {@code slots}; each slot keeps the mean
 * of its readings for each of the last {@code periods} periods. A reading is expected to be the median
 * of its slot's past means, and the difference from it is scored against the {@code quantile} of the
 * last {@code window} absolute differences (floored). Deviation: the signed difference in those units.
 * Readings without a past to compare with (the first periods, a slot that was empty) are not scored.
 *
 * <p>Bounded memory: 16 bytes per slot and past period, 20 bytes per slot for the period being
 * filled, about 21 bytes per difference in the window (288 slots, 3 periods, a window of 2016: 62 KB).
 */
public final class SeasonalDetector implements Detector {

  private static final long NONE = Long.MIN_VALUE;

  /**
   * The detector's state for snapshots. Slot {@code s}'s past periods are at {@code s · periods} to
   * {@code (s + 1) · periods − 1} of the first two arrays.
   *
   * @param means past slot means
   * @param meanPeriods the period index of each past mean, {@link Long#MIN_VALUE} where none
   * @param openSums the sum of each slot's readings in the period being filled
   * @param openCounts how many readings each slot has in the period being filled
   * @param openPeriods the period each slot is filling, {@link Long#MIN_VALUE} where none
   * @param differences the window of absolute differences, oldest first
   */
  public record State(double[] means, long[] meanPeriods, double[] openSums, int[] openCounts, long[] openPeriods,
      double[] differences, FindingGate.State gate) implements DetectorState {}

  private final SeasonalSpec spec;
  private final FindingGate gate;
  private final long periodMicros;
  private final double[] means;
  private final long[] meanPeriods;
  private final double[] openSums;
  private final int[] openCounts;
  private final long[] openPeriods;
  private final double[] scratch;
  private OrderedWindow differences;

  SeasonalDetector(SeasonalSpec spec, String signal) {
    this.spec = spec;
    this.gate = new FindingGate(kind().id(), signal, spec.severity(), spec.warmUp(), spec.k(),
        spec.k() * spec.clearRatio(), spec.minDuration());
    this.periodMicros = spec.period().toNanos() / 1_000;
    this.means = new double[spec.slots() * spec.periods()];
    this.meanPeriods = new long[means.length];
    this.openSums = new double[spec.slots()];
    this.openCounts = new int[spec.slots()];
    this.openPeriods = new long[spec.slots()];
    this.scratch = new double[spec.periods()];
    this.differences = new OrderedWindow(spec.window());
    Arrays.fill(meanPeriods, NONE);
    Arrays.fill(openPeriods, NONE);
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.SEASONAL;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    long period = Math.floorDiv(sourceTimeMicros, periodMicros);
    int slot = (int) (Math.floorMod(sourceTimeMicros, periodMicros) * spec.slots() / periodMicros);
    closeOpenPeriod(slot, period);
    Optional<Finding> finding = Optional.empty();
    int known = pastMeans(slot, period);
    if (known > spec.periods() / 2) {
      double expected = median(known);
      double difference = value - expected;
      if (differences.size() > 0) {
        double usual = Scales.floored(differences.quantile(spec.quantile()), spec.minScale(),
            spec.minRelativeScale(), expected);
        double deviation = difference / usual;
        finding = gate.offer(sourceTimeMicros, Math.abs(deviation), () -> new Observation(value, expected, deviation,
            Map.of("n", (double) known, "expected", expected, "difference", difference, "usual", usual,
                "slot", (double) slot)));
      }
      differences.add(Math.abs(difference));
    }
    if (openPeriods[slot] != period) {
      openPeriods[slot] = period;
      openSums[slot] = 0;
      openCounts[slot] = 0;
    }
    openSums[slot] += value;
    openCounts[slot]++;
    return finding;
  }

  /** Moves a slot's finished period (if it holds readings) into its past, over the oldest entry. */
  private void closeOpenPeriod(int slot, long period) {
    if (openPeriods[slot] == period || openCounts[slot] == 0) {
      return;
    }
    int first = slot * spec.periods();
    int oldest = first;
    for (int i = first + 1; i < first + spec.periods(); i++) {
      if (meanPeriods[i] < meanPeriods[oldest]) {
        oldest = i;
      }
    }
    means[oldest] = openSums[slot] / openCounts[slot];
    meanPeriods[oldest] = openPeriods[slot];
    openCounts[slot] = 0;
    openPeriods[slot] = NONE;
  }

  /** Copies the slot's means of the last {@code periods} periods into the scratch array; returns how many. */
  private int pastMeans(int slot, long period) {
    int known = 0;
    int first = slot * spec.periods();
    for (int i = first; i < first + spec.periods(); i++) {
      if (meanPeriods[i] != NONE && meanPeriods[i] >= period - spec.periods() && meanPeriods[i] < period) {
        scratch[known++] = means[i];
      }
    }
    return known;
  }

  private double median(int known) {
    Arrays.sort(scratch, 0, known);
    int mid = known / 2;
    return known % 2 == 1 ? scratch[mid] : scratch[mid - 1] + 0.5 * (scratch[mid] - scratch[mid - 1]);
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(means.clone(), meanPeriods.clone(), openSums.clone(), openCounts.clone(), openPeriods.clone(),
        differences.values(), gate.state());
  }

  @Override
  public void restore(DetectorState state) {
    State own = DetectorState.as(State.class, state, kind());
    requireLength("means", own.means().length, means.length);
    requireLength("meanPeriods", own.meanPeriods().length, meanPeriods.length);
    requireLength("openSums", own.openSums().length, openSums.length);
    requireLength("openCounts", own.openCounts().length, openCounts.length);
    requireLength("openPeriods", own.openPeriods().length, openPeriods.length);
    System.arraycopy(own.means(), 0, means, 0, means.length);
    System.arraycopy(own.meanPeriods(), 0, meanPeriods, 0, meanPeriods.length);
    System.arraycopy(own.openSums(), 0, openSums, 0, openSums.length);
    System.arraycopy(own.openCounts(), 0, openCounts, 0, openCounts.length);
    System.arraycopy(own.openPeriods(), 0, openPeriods, 0, openPeriods.length);
    differences = OrderedWindow.of(spec.window(), own.differences());
    gate.restore(own.gate());
  }

  private static void requireLength(String name, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          "a seasonal state's " + name + " has " + length + " entries where these settings need " + expected);
    }
  }
}
