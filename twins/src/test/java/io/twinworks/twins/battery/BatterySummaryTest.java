package io.twinworks.twins.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.Quality;
import io.twinworks.twins.SignalValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatterySummaryTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private static SignalValue good(double v) {
    return new SignalValue(v, T0, Quality.GOOD);
  }

  @Test
  void computesCellFigures() {
    Map<String, SignalValue> signals = new HashMap<>();
    signals.put("cell.1.voltage", good(3.70));
    signals.put("cell.2.voltage", good(3.50));
    signals.put("cell.3.voltage", good(3.65));
    signals.put("cell.1.temperature", good(31));
    signals.put("cell.2.temperature", good(35));
    signals.put("cell.1.soc", good(80));
    signals.put("cell.2.soc", good(70));
    signals.put("pack.current", good(12));
    Map<String, Double> summary = BatterySummary.of(signals);
    assertEquals(3.0, summary.get("cells"));
    assertEquals(3.50, summary.get("voltage.min"));
    assertEquals(3.70, summary.get("voltage.max"));
    assertEquals(0.20, summary.get("voltage.spread"), 1e-12);
    assertEquals(35.0, summary.get("temperature.max"));
    assertEquals(75.0, summary.get("soc.avg"));
    assertEquals(6, summary.size());
  }

  @Test
  void reportsOnlyFiguresItHasDataFor() {
    Map<String, Double> summary = BatterySummary.of(Map.of("cell.a.temperature", good(40), "cell.b.humidity", good(1)));
    assertEquals(Map.of("cells", 2.0, "temperature.max", 40.0), summary);
  }

  @Test
  void badQualityValuesAreLeftOutOfFiguresButTheCellCounts() {
    Map<String, Double> summary = BatterySummary.of(Map.of(
        "cell.1.voltage", good(3.6), "cell.2.voltage", new SignalValue(0.0, T0, Quality.BAD)));
    assertEquals(Map.of("cells", 2.0, "voltage.min", 3.6, "voltage.max", 3.6, "voltage.spread", 0.0), summary);
  }

  @Test
  void cellIdsMayContainDots() {
    assertEquals(Map.of("cells", 2.0, "soc.avg", 50.0),
        BatterySummary.of(Map.of("cell.m1.c1.soc", good(40), "cell.m1.c2.soc", good(60))));
  }

  @Test
  void noCellSignalsGiveAnEmptySummary() {
    assertEquals(Map.of(), BatterySummary.of(Map.of("cell.voltage", good(3), "temperature", good(20))));
  }
}
