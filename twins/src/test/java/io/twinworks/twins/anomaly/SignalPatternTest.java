package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalPatternTest {

  @Test
  void starMatchesAnyRunDotsIncluded() {
    assertTrue(new SignalPattern("*").matches("cell.3.voltage"));
    assertTrue(new SignalPattern("temp*").matches("temperature"));
    assertTrue(new SignalPattern("temp*").matches("temp"));
    assertFalse(new SignalPattern("temp*").matches("coolant_temp"));
    assertTrue(new SignalPattern("cell.*.voltage").matches("cell.12.voltage"));
    assertFalse(new SignalPattern("cell.*.voltage").matches("cell.12.temperature"));
    assertTrue(new SignalPattern("*_count").matches("cycle_count"));
    assertTrue(new SignalPattern("a*b*c").matches("aXbYbZc"));
    assertFalse(new SignalPattern("a*b*c").matches("aXbYbZ"));
  }

  @Test
  void questionMarkIsOneCharacterAndTheRestIsLiteral() {
    assertTrue(new SignalPattern("cell.?.soc").matches("cell.7.soc"));
    assertFalse(new SignalPattern("cell.?.soc").matches("cell.17.soc"));
    assertFalse(new SignalPattern("cell.1").matches("cellX1"));
    assertTrue(new SignalPattern("run_status").exact());
    assertFalse(new SignalPattern("temp*").exact());
  }
}
