package io.twinworks.twins;

import java.util.Map;

/** The kind-specific part of a twin: derived figures for its view, computed from its latest signals. */
@FunctionalInterface
public interface TwinSummary {

  TwinSummary NONE = signals -> Map.of();

  /** Figures by name; only those the signals give data for. Must not change {@code signals}. */
  Map<String, Double> of(Map<String, SignalValue> signals);
}
