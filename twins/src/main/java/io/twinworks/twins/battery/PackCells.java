package io.twinworks.twins.battery;

import io.twinworks.twins.Quality;
import io.twinworks.twins.SignalValue;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A battery pack's cells read from its {@code cell.{cell}.{metric}} signals (a cell id may hold dots:
 * the metric is after the last one). Values of bad quality are left out of the metrics, not out of
 * {@code cells}. Sorted by cell id, so that every figure is computed in the same order each time.
 *
 * @param cells every cell with any signal
 * @param voltages cell voltage in V by cell id
 * @param temperatures cell temperature in °C by cell id
 * @param socs cell state of charge in % by cell id
 */
public record PackCells(
    SortedSet<String> cells,
    SortedMap<String, Double> voltages,
    SortedMap<String, Double> temperatures,
    SortedMap<String, Double> socs) {

  private static final String PREFIX = "cell.";

  public PackCells {
    cells = Collections.unmodifiableSortedSet(new TreeSet<>(cells));
    voltages = Collections.unmodifiableSortedMap(new TreeMap<>(voltages));
    temperatures = Collections.unmodifiableSortedMap(new TreeMap<>(temperatures));
    socs = Collections.unmodifiableSortedMap(new TreeMap<>(socs));
  }

  public static PackCells of(Map<String, SignalValue> signals) {
    SortedSet<String> cells = new TreeSet<>();
    SortedMap<String, Double> voltages = new TreeMap<>();
    SortedMap<String, Double> temperatures = new TreeMap<>();
    SortedMap<String, Double> socs = new TreeMap<>();
    signals.forEach((name, signal) -> {
      int dot = name.lastIndexOf('.');
      if (!name.startsWith(PREFIX) || dot <= PREFIX.length()) {
        return;
      }
      String cell = name.substring(PREFIX.length(), dot);
      cells.add(cell);
      if (signal.quality() == Quality.BAD) {
        return;
      }
      switch (name.substring(dot + 1)) {
        case "voltage" -> voltages.put(cell, signal.value());
        case "temperature" -> temperatures.put(cell, signal.value());
        case "soc" -> socs.put(cell, signal.value());
        default -> { }
      }
    });
    return new PackCells(cells, voltages, temperatures, socs);
  }

  /** The signal name of a cell's metric, e.g. {@code cell.7.voltage}. */
  public static String signal(String cell, String metric) {
    return PREFIX + cell + "." + metric;
  }
}
