package io.twinworks.twins.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CellFiguresTest {

  @Test
  void findsTheExtremesTheMeanAndTheCellFarthestFromIt() {
    TreeMap<String, Double> soc = new TreeMap<>();
    soc.put("1", 50.0);
    soc.put("2", 52.0);
    soc.put("3", 60.0);
    // mean (50 + 52 + 60) / 3 = 54; distances 4, 2, 6: cell 3 is farthest
    assertEquals(Optional.of(new CellFigures(3, 50.0, "1", 60.0, "3", 54.0, "3", 6.0)), CellFigures.of(soc));
    assertEquals(10.0, CellFigures.of(soc).orElseThrow().spread());
  }

  @Test
  void tiesGoToTheFirstCellId() {
    TreeMap<String, Double> voltage = new TreeMap<>();
    voltage.put("b", 3.6);
    voltage.put("a", 3.6);
    assertEquals(Optional.of(new CellFigures(2, 3.6, "a", 3.6, "a", 3.6, "a", 0.0)), CellFigures.of(voltage));
    assertEquals(Optional.empty(), CellFigures.of(new TreeMap<>()));
  }
}
