package io.twinworks.twins.battery;

import io.twinworks.twins.Quality;
import io.twinworks.twins.SignalValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Builds a pack's latest signals for tests: {@code Cells.of("cell.1.voltage", 3.7, "cell.2.voltage", 3.6)}. */
final class Cells {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private Cells() {}

  static Map<String, SignalValue> of(Object... signalsAndValues) {
    Map<String, SignalValue> signals = new HashMap<>();
    for (int i = 0; i < signalsAndValues.length; i += 2) {
      signals.put((String) signalsAndValues[i],
          new SignalValue(((Number) signalsAndValues[i + 1]).doubleValue(), T0, Quality.GOOD));
    }
    return signals;
  }

  static Map<String, SignalValue> withBad(Map<String, SignalValue> signals, String signal) {
    Map<String, SignalValue> copy = new HashMap<>(signals);
    copy.put(signal, new SignalValue(0, T0, Quality.BAD));
    return copy;
  }
}
