package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.Map;
import java.util.Optional;

/**
 * Daily (or any {@code period}) pattern: each reading is expected to be the median of its slot's means in
 * the last {@code periods} periods ({@link SeasonalProfile}), and the difference from it is scored
 * against the {@code quantile} of the last {@code window} absolute differences (floored; a window over
 * {@value QuantileWindow#EXACT_LIMIT} is kept in block summaries, {@link BlockQuantiles}). Deviation: the
 * signed difference in those units. Readings without a past to compare with (the first periods, a slot
 * that was empty) are not scored.
 *
 * <p>Bounded memory: the profile (a float per slot and period, periods + 1 of them, and an int per slot)
 * and the window of differences; 48 slots, 3 periods and a window of 2016: about 2 KB.
 */
public final class SeasonalDetector implements Detector {

  /** The detector's state for snapshots. */
  public record State(SeasonalProfile.State profile, QuantileWindow.State differences, FindingGate.State gate)
      implements DetectorState {}

  private final SeasonalSpec spec;
  private final FindingGate gate;
  private final long periodMicros;
  private SeasonalProfile profile;
  private QuantileWindow differences;

  SeasonalDetector(SeasonalSpec spec, String signal) {
    this.spec = spec;
    this.gate = new FindingGate(spec, signal);
    this.periodMicros = spec.period().toNanos() / 1_000;
    this.profile = new SeasonalProfile(spec.slots(), spec.periods());
    this.differences = QuantileWindow.of(spec.window(), spec.quantile());
  }

  @Override
  public DetectorKind kind() {
    return DetectorKind.SEASONAL;
  }

  @Override
  public Optional<Finding> update(long sourceTimeMicros, double value) {
    long period = Math.floorDiv(sourceTimeMicros, periodMicros);
    int slot = (int) (Math.floorMod(sourceTimeMicros, periodMicros) * spec.slots() / periodMicros);
    Optional<Finding> finding = Optional.empty();
    int known = profile.collect(period, slot);
    if (known > spec.periods() / 2) {
      double expected = profile.median(known);
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
    profile.add(period, slot, value);
    return finding;
  }

  @Override
  public boolean active() {
    return gate.active();
  }

  @Override
  public State state() {
    return new State(profile.state(), differences.state(), gate.state());
  }

  /** Continues from its own state, or from the first version's (slot means rebuilt for these slots). */
  @Override
  public void restore(DetectorState state) {
    if (state instanceof LegacySeasonalState legacy) {
      profile = SeasonalProfile.restore(spec.slots(), spec.periods(), legacy.profile(spec.slots(), spec.periods()));
      differences = QuantileWindow.replay(spec.window(), legacy.differences(), spec.quantile());
      gate.restore(legacy.gate());
      return;
    }
    State own = DetectorState.as(State.class, state, kind());
    profile = SeasonalProfile.restore(spec.slots(), spec.periods(), own.profile());
    differences = QuantileWindow.restore(spec.window(), own.differences(), spec.quantile());
    gate.restore(own.gate());
  }
}
