package io.twinworks.twins.battery;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The figures of one metric over a pack's cells. Ties go to the first cell id in order.
 *
 * @param minCell the cell with the lowest value
 * @param maxCell the cell with the highest value
 * @param farthestCell the cell farthest from the mean
 * @param divergence how far {@code farthestCell} is from the mean, {@code max |value − mean|}
 */
public record CellFigures(
    int count, double min, String minCell, double max, String maxCell, double mean, String farthestCell,
    double divergence) {

  /** The figures of {@code values} by cell id, none when there are no values. */
  public static Optional<CellFigures> of(SortedMap<String, Double> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String minCell = values.firstKey();
    String maxCell = minCell;
    double min = values.get(minCell);
    double max = min;
    double sum = 0;
    for (Map.Entry<String, Double> entry : values.entrySet()) {
      double value = entry.getValue();
      if (value < min) {
        min = value;
        minCell = entry.getKey();
      }
      if (value > max) {
        max = value;
        maxCell = entry.getKey();
      }
      sum += value;
    }
    double mean = sum / values.size();
    String farthestCell = minCell;
    double divergence = -1;
    for (Map.Entry<String, Double> entry : values.entrySet()) {
      double distance = Math.abs(entry.getValue() - mean);
      if (distance > divergence) {
        farthestCell = entry.getKey();
        divergence = distance;
      }
    }
    return Optional.of(new CellFigures(values.size(), min, minCell, max, maxCell, mean, farthestCell, divergence));
  }

  public double spread() {
    return max - min;
  }
}
