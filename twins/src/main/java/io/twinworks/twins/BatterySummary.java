package io.twinworks.twins;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A battery pack's figures from its {@code cell.{cell}.{metric}} signals: {@code cells},
 * {@code voltage.min}, {@code voltage.max}, {@code voltage.spread}, {@code temperature.max},
 * {@code soc.avg}. Values of bad quality are left out of the figures (not out of {@code cells}).
 */
public final class BatterySummary {

  private static final String PREFIX = "cell.";

  private BatterySummary() {}

  public static Map<String, Double> of(Map<String, SignalValue> signals) {
    Set<String> cells = new HashSet<>();
    double vMin = Double.POSITIVE_INFINITY;
    double vMax = Double.NEGATIVE_INFINITY;
    double tMax = Double.NEGATIVE_INFINITY;
    double socSum = 0;
    int socCount = 0;
    for (Map.Entry<String, SignalValue> entry : signals.entrySet()) {
      String name = entry.getKey();
      int dot = name.lastIndexOf('.');
      if (!name.startsWith(PREFIX) || dot <= PREFIX.length()) {
        continue;
      }
      cells.add(name.substring(PREFIX.length(), dot));
      SignalValue signal = entry.getValue();
      if (signal.quality() == Quality.BAD) {
        continue;
      }
      double v = signal.value();
      switch (name.substring(dot + 1)) {
        case "voltage" -> {
          vMin = Math.min(vMin, v);
          vMax = Math.max(vMax, v);
        }
        case "temperature" -> tMax = Math.max(tMax, v);
        case "soc" -> {
          socSum += v;
          socCount++;
        }
        default -> { }
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    if (!cells.isEmpty()) {
      out.put("cells", (double) cells.size());
    }
    if (vMin <= vMax) {
      out.put("voltage.min", vMin);
      out.put("voltage.max", vMax);
      out.put("voltage.spread", vMax - vMin);
    }
    if (tMax > Double.NEGATIVE_INFINITY) {
      out.put("temperature.max", tMax);
    }
    if (socCount > 0) {
      out.put("soc.avg", socSum / socCount);
    }
    return out;
  }
}
