package io.twinworks.twins.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twinworks.twins.TwinId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {

  private static final TwinId CNC = TwinId.of("default:line1:cnc01");

  @Test
  void anAlertIdNamesItsTwin() {
    String id = Alert.id(CNC, 7);
    assertEquals("default:line1:cnc01~7", id);
    assertEquals(CNC, Alert.twinOf(id));
  }

  @Test
  void malformedIdsAreRefusedWithTheExpectedShape() {
    for (String bad : new String[] {"default:cnc", "~7", "default:cnc~", "default:cnc~x1", "bad id~1"}) {
      assertThrows(IllegalArgumentException.class, () -> Alert.twinOf(bad), bad);
    }
  }

  @Test
  void lifecycleKeepsWhatWasRaised() {
    Instant raised = Instant.parse("2026-01-01T00:00:00Z");
    Alert alert = new Alert(Alert.id(CNC, 1), CNC, "zscore", Severity.WARNING, "temperature", 80, 40, 6.5,
        "zscore", AlertState.ACTIVE, raised, null, null, raised, Map.of("n", 100.0));
    Alert done = alert.acknowledged(raised.plusSeconds(5)).cleared(raised.plusSeconds(9));
    assertEquals(AlertState.CLEARED, done.state());
    assertEquals(raised.plusSeconds(5), done.acknowledgedAt());
    assertEquals(raised.plusSeconds(9), done.clearedAt());
    assertEquals(80, done.value());
    assertEquals("default", done.tenant());
    assertFalse(done.open());
  }
}
