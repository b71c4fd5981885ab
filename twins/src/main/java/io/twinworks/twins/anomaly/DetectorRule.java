package io.twinworks.twins.anomaly;

import java.util.List;
import java.util.Set;

/**
 * Default detectors for signals of some twin kinds whose names match some patterns.
 *
 * @param kinds twin kind ids ({@code sensor}, {@code machine}, {@code battery-pack}) or {@code *}
 * @param signals signal patterns; one matching is enough
 * @param detectors the detectors such a signal gets (empty: none)
 */
public record DetectorRule(Set<String> kinds, List<SignalPattern> signals, List<DetectorSpec> detectors) {

  public static final String ANY_KIND = "*";

  public DetectorRule {
    kinds = Set.copyOf(kinds);
    signals = List.copyOf(signals);
    detectors = List.copyOf(detectors);
  }

  public boolean matches(String kind, String signal) {
    return (kinds.contains(ANY_KIND) || kinds.contains(kind)) && signals.stream().anyMatch(p -> p.matches(signal));
  }
}
