package io.twinworks.twins;

import java.util.Map;
import java.util.Optional;

/**
 * A machine's figures: {@code running} (1 or 0) from its {@code run_status} or {@code state} signal,
 * whichever is newer. Both carry the numeric state codes connectors map names to.
 */
public final class MachineSummary {

  public static final int STOP = 0;
  public static final int RUN = 1;
  public static final int IDLE = 2;
  public static final int MAINTENANCE = 3;

  private MachineSummary() {}

  public static Map<String, Double> of(Map<String, SignalValue> signals) {
    return stateCode(signals).map(code -> Map.of("running", code == RUN ? 1.0 : 0.0)).orElse(Map.of());
  }

  /** The machine's current state code, if a usable {@code run_status} or {@code state} is known. */
  public static Optional<Integer> stateCode(Map<String, SignalValue> signals) {
    SignalValue runStatus = usable(signals.get("run_status"));
    SignalValue state = usable(signals.get("state"));
    SignalValue newest = runStatus == null ? state
        : state == null || !state.timestamp().isAfter(runStatus.timestamp()) ? runStatus : state;
    return Optional.ofNullable(newest).map(s -> (int) s.value());
  }

  private static SignalValue usable(SignalValue signal) {
    boolean known = signal != null && signal.quality() != Quality.BAD
        && signal.value() == Math.rint(signal.value()) && signal.value() >= STOP && signal.value() <= MAINTENANCE;
    return known ? signal : null;
  }
}
