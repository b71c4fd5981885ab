package io.twinworks.twins.battery;

import io.twinworks.twins.SignalValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A battery pack's figures from its {@code cell.{cell}.{metric}} signals (see {@link PackCells}):
 * {@code cells}, {@code voltage.min}, {@code voltage.max}, {@code voltage.spread},
 * {@code temperature.max}, {@code soc.avg}.
 */
public final class BatterySummary {

  private BatterySummary() {}

  public static Map<String, Double> of(Map<String, SignalValue> signals) {
    PackCells pack = PackCells.of(signals);
    Map<String, Double> out = new LinkedHashMap<>();
    if (!pack.cells().isEmpty()) {
      out.put("cells", (double) pack.cells().size());
    }
    CellFigures.of(pack.voltages()).ifPresent(voltage -> {
      out.put("voltage.min", voltage.min());
      out.put("voltage.max", voltage.max());
      out.put("voltage.spread", voltage.spread());
    });
    CellFigures.of(pack.temperatures()).ifPresent(temperature -> out.put("temperature.max", temperature.max()));
    CellFigures.of(pack.socs()).ifPresent(soc -> out.put("soc.avg", soc.mean()));
    return out;
  }
}
