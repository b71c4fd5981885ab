package io.twinworks.twins.battery;

import io.twinworks.twins.SignalValue;
import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A battery pack's alert rules, evaluated on the pack's latest cell values after each applied batch:
 * per cell {@code cell-under-voltage}, {@code cell-over-voltage} and {@code over-temperature} (signal
 * the cell's, e.g. {@code cell.7.voltage}), per pack {@code cell-imbalance} (signal
 * {@code voltage.spread}) and {@code soc-divergence} (signal {@code soc.divergence}). Every decision
 * goes through an {@link AlertGate}, so limits have hysteresis and a minimum duration in source time.
 *
 * <p>Evidence: {@code cells}, {@code min}, {@code max}, {@code mean}, {@code spread} of the metric
 * over the pack, and the cells involved, each under its signal name with its value (the cell itself
 * for per-cell rules; the lowest and highest cell for imbalance; the cell farthest from the mean for
 * divergence, with {@code divergence}). A cell without a usable value (none yet, or bad quality)
 * keeps its alert state; pack rules wait for two cells.
 *
 * <p>Bounded: one gate per cell and per-cell rule, for at most {@link #MAX_CELLS} cells (cells
 * beyond, in the order they first had a value, are not watched), and two pack gates. Mutable, owned
 * by one pack twin; {@link #state()} and {@link #restore} carry it through snapshots.
 */
public final class BatteryPackRules {

  public static final int MAX_CELLS = 4096;
  public static final String SPREAD_SIGNAL = "voltage.spread";
  public static final String DIVERGENCE_SIGNAL = "soc.divergence";

  /**
   * The rules' state for snapshots: the per-cell gates by cell id, the pack gates, and the latest
   * time evaluated ({@link Long#MIN_VALUE} before the first).
   */
  public record State(
      Map<String, AlertGate.State> underVoltage,
      Map<String, AlertGate.State> overVoltage,
      Map<String, AlertGate.State> overTemperature,
      AlertGate.State imbalance,
      AlertGate.State socDivergence,
      long lastTimeMicros) {

    public State {
      underVoltage = sorted(underVoltage);
      overVoltage = sorted(overVoltage);
      overTemperature = sorted(overTemperature);
    }

    private static Map<String, AlertGate.State> sorted(Map<String, AlertGate.State> gates) {
      return Collections.unmodifiableMap(new TreeMap<>(gates));
    }
  }

  private final CellGates underVoltage;
  private final CellGates overVoltage;
  private final CellGates overTemperature;
  private final LimitGate imbalance;
  private final LimitGate socDivergence;
  private long lastTimeMicros = Long.MIN_VALUE;

  public BatteryPackRules(BatteryLimits limits) {
    underVoltage = new CellGates("cell-under-voltage", "voltage", limits.underVoltage(), true, MAX_CELLS);
    overVoltage = new CellGates("cell-over-voltage", "voltage", limits.overVoltage(), false, MAX_CELLS);
    overTemperature = new CellGates("over-temperature", "temperature", limits.overTemperature(), false, MAX_CELLS);
    imbalance = new LimitGate("cell-imbalance", limits.imbalance(), false);
    socDivergence = new LimitGate("soc-divergence", limits.socDivergence(), false);
  }

  /** Rules with {@code limits} (which may have changed since the snapshot) that continue from {@code state}. */
  public static BatteryPackRules restore(BatteryLimits limits, State state) {
    BatteryPackRules rules = new BatteryPackRules(limits);
    rules.underVoltage.restore(state.underVoltage());
    rules.overVoltage.restore(state.overVoltage());
    rules.overTemperature.restore(state.overTemperature());
    rules.imbalance.restore(state.imbalance());
    rules.socDivergence.restore(state.socDivergence());
    rules.lastTimeMicros = state.lastTimeMicros();
    return rules;
  }

  /** Evaluates the pack's latest signals as of source time {@code sourceTimeMicros}. */
  public List<Finding> evaluate(Map<String, SignalValue> signals, long sourceTimeMicros) {
    return evaluate(PackCells.of(signals), sourceTimeMicros);
  }

  /**
   * Evaluates the pack's cells as of source time {@code sourceTimeMicros}; an earlier time than the
   * last counts as the last, so that minimum durations never run backwards. Findings come in the
   * order under-voltage, over-voltage, over-temperature (each in cell id order), imbalance, divergence.
   */
  public List<Finding> evaluate(PackCells pack, long sourceTimeMicros) {
    long time = Math.max(lastTimeMicros, sourceTimeMicros);
    lastTimeMicros = time;
    List<Finding> findings = new ArrayList<>();
    Optional<CellFigures> voltage = CellFigures.of(pack.voltages());
    voltage.ifPresent(figures -> {
      underVoltage.evaluate(pack.voltages(), figures, time, findings);
      overVoltage.evaluate(pack.voltages(), figures, time, findings);
    });
    CellFigures.of(pack.temperatures())
        .ifPresent(figures -> overTemperature.evaluate(pack.temperatures(), figures, time, findings));
    voltage.filter(figures -> figures.count() >= 2).ifPresent(figures -> imbalance
        .update(time, SPREAD_SIGNAL, figures.spread(), () -> imbalanceEvidence(figures))
        .ifPresent(findings::add));
    CellFigures.of(pack.socs()).filter(figures -> figures.count() >= 2).ifPresent(figures -> socDivergence
        .update(time, DIVERGENCE_SIGNAL, figures.divergence(), () -> divergenceEvidence(figures, pack))
        .ifPresent(findings::add));
    return findings;
  }

  public State state() {
    return new State(underVoltage.state(), overVoltage.state(), overTemperature.state(), imbalance.state(),
        socDivergence.state(), lastTimeMicros);
  }

  /** The metric's pack figures and the {@code involved} cells' values under their signal names. */
  static Map<String, Double> evidence(CellFigures figures, Map<String, Double> involved) {
    Map<String, Double> evidence = new HashMap<>(involved);
    evidence.put("cells", (double) figures.count());
    evidence.put("min", figures.min());
    evidence.put("max", figures.max());
    evidence.put("mean", figures.mean());
    evidence.put("spread", figures.spread());
    return evidence;
  }

  private static Map<String, Double> imbalanceEvidence(CellFigures figures) {
    Map<String, Double> involved = new HashMap<>();
    involved.put(PackCells.signal(figures.minCell(), "voltage"), figures.min());
    involved.put(PackCells.signal(figures.maxCell(), "voltage"), figures.max());
    return evidence(figures, involved);
  }

  private static Map<String, Double> divergenceEvidence(CellFigures figures, PackCells pack) {
    String cell = figures.farthestCell();
    return evidence(figures, Map.of(PackCells.signal(cell, "soc"), pack.socs().get(cell),
        "divergence", figures.divergence()));
  }
}
