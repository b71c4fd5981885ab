package io.twinworks.twins.battery;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.battery.BatteryLimits.Limit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One limit watched per cell of a pack: a {@link LimitGate} per cell id, for at most {@code maxCells} cells. */
final class CellGates {

  private final String kind;
  private final String metric;
  private final Limit limit;
  private final boolean lower;
  private final int maxCells;
  private final TreeMap<String, LimitGate> gates = new TreeMap<>();

  CellGates(String kind, String metric, Limit limit, boolean lower, int maxCells) {
    this.kind = kind;
    this.metric = metric;
    this.limit = limit;
    this.lower = lower;
    this.maxCells = maxCells;
  }

  /** Updates the gate of every cell in {@code values} (in cell id order), adding its findings to {@code out}. */
  void evaluate(SortedMap<String, Double> values, CellFigures figures, long timeMicros, List<Finding> out) {
    values.forEach((cell, value) -> {
      LimitGate gate = gate(cell);
      if (gate != null) {
        String signal = PackCells.signal(cell, metric);
        gate.update(timeMicros, signal, value, () -> BatteryPackRules.evidence(figures, Map.of(signal, value)))
            .ifPresent(out::add);
      }
    });
  }

  /** The gates' states by cell id, in id order. */
  Map<String, AlertGate.State> state() {
    TreeMap<String, AlertGate.State> state = new TreeMap<>();
    gates.forEach((cell, gate) -> state.put(cell, gate.state()));
    return Collections.unmodifiableMap(state);
  }

  void restore(Map<String, AlertGate.State> state) {
    new TreeMap<>(state).forEach((cell, gateState) -> {
      LimitGate gate = gate(cell);
      if (gate != null) {
        gate.restore(gateState);
      }
    });
  }

  private LimitGate gate(String cell) {
    LimitGate gate = gates.get(cell);
    if (gate == null && gates.size() < maxCells) {
      gate = new LimitGate(kind, limit, lower);
      gates.put(cell, gate);
    }
    return gate;
  }
}
