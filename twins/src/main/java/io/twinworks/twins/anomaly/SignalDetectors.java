package io.twinworks.twins.anomaly;

import io.twinworks.twins.alert.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The detectors of one signal, built from its specs ({@link DetectorRules#specsFor}), fed its readings
 * in source-time order. A reading at or before the last one fed is late and skipped (as a twin skips
 * it), and so is a value that is not a finite number. Memory: the sum of its detectors' bounds.
 */
public final class SignalDetectors {

  private static final long NONE = Long.MIN_VALUE;

  /**
   * The detectors' states for snapshots, in the order of the specs.
   *
   * @param lastMicros source time of the last reading fed, {@link Long#MIN_VALUE} before the first
   */
  public record State(long lastMicros, List<DetectorState> detectors) {
    public State {
      detectors = List.copyOf(detectors);
    }
  }

  private final String signal;
  private final List<DetectorSpec> specs;
  private final List<Detector> detectors;
  private long lastMicros = NONE;

  public SignalDetectors(String signal, List<DetectorSpec> specs) {
    this.signal = signal;
    this.specs = List.copyOf(specs);
    this.detectors = this.specs.stream().map(spec -> spec.newDetector(signal)).toList();
  }

  /** Detectors with these specs continuing from {@code state}, which must come from the same specs. */
  public static SignalDetectors restore(String signal, List<DetectorSpec> specs, State state) {
    SignalDetectors restored = new SignalDetectors(signal, specs);
    if (state.detectors().size() != restored.detectors.size()) {
      throw new IllegalArgumentException("a state of " + state.detectors().size() + " detectors cannot restore "
          + restored.detectors.size() + " for " + signal);
    }
    for (int i = 0; i < restored.detectors.size(); i++) {
      restored.detectors.get(i).restore(state.detectors().get(i));
    }
    restored.lastMicros = state.lastMicros();
    return restored;
  }

  public String signal() {
    return signal;
  }

  public List<DetectorSpec> specs() {
    return specs;
  }

  /** Feeds one reading to every detector; returns what it raised or cleared, in the specs' order. */
  public List<Finding> update(long sourceTimeMicros, double value) {
    if (!Double.isFinite(value) || (lastMicros != NONE && sourceTimeMicros <= lastMicros)) {
      return List.of();
    }
    lastMicros = sourceTimeMicros;
    List<Finding> findings = new ArrayList<>(0);
    for (Detector detector : detectors) {
      detector.update(sourceTimeMicros, value).ifPresent(findings::add);
    }
    return findings.isEmpty() ? List.of() : List.copyOf(findings);
  }

  /** The kinds whose alert is raised right now. */
  public List<DetectorKind> active() {
    return detectors.stream().filter(Detector::active).map(Detector::kind).toList();
  }

  public State state() {
    return new State(lastMicros, detectors.stream().map(Detector::state).toList());
  }
}
