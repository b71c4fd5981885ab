package io.twinworks.persistence.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Filters, queries and cursors check their values before any store sees them. */
class AlertRequestsTest {

  private static final TwinId CNC = TwinId.of("acme:line1:cnc01");
  private static final Instant RAISED = Instant.parse("2026-11-20T10:00:00.000001999Z");

  @Test
  void aCursorIsTheRaiseMicrosecondAndIdOfTheLastItem() {
    Alert alert = alert(Severity.INFO);
    AlertCursor cursor = AlertCursor.after(alert);
    // 2026-11-20T10:00:00Z is 1,795,168,800 s after the epoch; + 1.999 us truncates to 1 us.
    assertEquals(new AlertCursor(1_795_168_800_000_001L, "acme:line1:cnc01~7"), cursor);
    assertEquals(cursor, AlertCursor.decode(cursor.encode()));
    assertFalse(cursor.encode().contains(":"), "opaque and URL-safe: " + cursor.encode());
  }

  @Test
  void cursorsWeDidNotIssueAreRejected() {
    for (String bad : new String[] {"not base64!", "aGVsbG8", "MTIgbm90LWFuLWlk", "eCBhY21lOnh-MQ"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertCursor.decode(bad), bad);
      assertTrue(e.getMessage().startsWith("invalid cursor"), e.getMessage());
    }
  }

  @Test
  void queriesCheckLimitTenantAndCursor() {
    assertThrows(IllegalArgumentException.class, () -> AlertQuery.all(0));
    assertThrows(IllegalArgumentException.class, () -> AlertQuery.all(AlertQuery.MAX_LIMIT + 1));
    assertThrows(IllegalArgumentException.class, () -> AlertQuery.all(10).withTenant("acme:line1"));
    assertThrows(IllegalArgumentException.class, () -> AlertQuery.all(10).withCursor(Optional.of("aGVsbG8")));
    assertThrows(IllegalArgumentException.class, () -> AlertFilter.all().withTenant("a b"));
    assertEquals(Optional.empty(), AlertQuery.all(10).withTenant("").tenant());
    assertEquals(Optional.empty(), AlertQuery.all(10).withCursor(Optional.of("")).cursor());
  }

  @Test
  void aTwinOfAnotherTenantMatchesNothing() {
    assertTrue(AlertQuery.all(10).withTenant("beta").withTwin(CNC).matchesNothing());
    assertFalse(AlertQuery.all(10).withTenant("acme").withTwin(CNC).matchesNothing());
    AlertFilter contradiction = AlertFilter.all().withTenant("beta").withTwin(CNC);
    assertTrue(contradiction.matchesNothing());
    assertFalse(contradiction.matches(alert(Severity.CRITICAL)));
  }

  @Test
  void filtersMatchTenantTwinAndMinimumSeverity() {
    Alert warning = alert(Severity.WARNING);
    assertTrue(AlertFilter.all().matches(warning));
    assertTrue(AlertFilter.all().withTenant("acme").withTwin(CNC).matches(warning));
    assertFalse(AlertFilter.all().withTenant("beta").matches(warning));
    assertFalse(AlertFilter.all().withTwin(TwinId.of("acme:line1:cnc02")).matches(warning));
    assertTrue(AlertFilter.all().withMinSeverity(Severity.WARNING).matches(warning));
    assertFalse(AlertFilter.all().withMinSeverity(Severity.CRITICAL).matches(warning));
    assertEquals(Optional.of("acme"), AlertFilter.all().withTwin(CNC).scopeTenant());
  }

  private static Alert alert(Severity severity) {
    return new Alert(Alert.id(CNC, 7), CNC, "zscore", severity, "temperature", 80, 40, 6.5, "zscore",
        AlertState.ACTIVE, RAISED, null, null, RAISED, Map.of());
  }
}
