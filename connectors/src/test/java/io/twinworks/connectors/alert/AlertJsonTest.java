package io.twinworks.connectors.alert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

  @Test
  void completeAlertHasEveryFieldInDesignOrderWithSortedEvidence() {
    assertEquals("{\"id\":\"acme:p1:r1:pk7~3\",\"twinId\":\"acme:p1:r1:pk7\",\"tenant\":\"acme\","
        + "\"kind\":\"cell-imbalance\",\"severity\":\"critical\",\"signal\":\"cell.12.voltage\",\"value\":3.412,"
        + "\"expected\":3.65,\"deviation\":-0.238,\"detector\":\"zscore\",\"state\":\"cleared\","
        + "\"raisedAt\":\"2024-05-01T10:00:00.250Z\",\"acknowledgedAt\":\"2024-05-01T10:05:00Z\","
        + "\"clearedAt\":\"2024-05-01T10:20:00Z\",\"sourceTime\":\"2024-05-01T10:00:00.125Z\","
        + "\"evidence\":{\"mean\":3.65,\"window\":60.0,\"zscore\":4.25}}",
        AlertJson.string(Alerts.complete()));
  }

  @Test
  void freshAlertHasNullsForAbsentTimesAndNaN() {
    assertEquals("{\"id\":\"default:line1:cnc01~1\",\"twinId\":\"default:line1:cnc01\",\"tenant\":\"default\","
        + "\"kind\":\"threshold\",\"severity\":\"warning\",\"signal\":\"temperature\",\"value\":81.5,"
        + "\"expected\":null,\"deviation\":null,\"detector\":\"threshold\",\"state\":\"active\","
        + "\"raisedAt\":\"2024-05-01T10:00:00.250Z\",\"acknowledgedAt\":null,\"clearedAt\":null,\"sourceTime\":null,"
        + "\"evidence\":{}}",
        AlertJson.string(Alerts.fresh("default:line1:cnc01", Severity.WARNING)));
  }

  @Test
  void bytesAreTheStringInUtf8AndNodeHasTheSameFields() {
    Alert alert = Alerts.complete();
    assertArrayEquals(AlertJson.string(alert).getBytes(StandardCharsets.UTF_8), AlertJson.bytes(alert));
    assertEquals(16, AlertJson.node(alert).size());
  }

  @Test
  void roundTripsBothAlerts() {
    Alert complete = Alerts.complete();
    Alert fresh = Alerts.fresh("default:line1:cnc01", Severity.INFO);
    assertEquals(complete, AlertJson.parse(AlertJson.bytes(complete)));
    assertEquals(fresh, AlertJson.parse(AlertJson.string(fresh)));
  }

  @Test
  void nonFiniteEvidenceIsNullAndReadBackAsNaN() {
    Alert base = Alerts.fresh("default:s1", Severity.INFO);
    Alert alert = new Alert(base.id(), base.twinId(), base.kind(), base.severity(), base.signal(),
        Double.POSITIVE_INFINITY, base.expected(), base.deviation(), base.detector(), base.state(), base.raisedAt(),
        null, null, null, Map.of("sigma", Double.NaN));
    String json = AlertJson.string(alert);
    assertTrue(json.contains("\"value\":null") && json.endsWith("\"evidence\":{\"sigma\":null}}"), json);
    Alert back = AlertJson.parse(json);
    assertTrue(Double.isNaN(back.value()));
    assertTrue(Double.isNaN(back.evidence().get("sigma")));
  }

  @Test
  void parseNamesTheBadField() {
    String json = AlertJson.string(Alerts.complete());
    assertEquals("alert JSON field 'severity' must be a string, was 3",
        assertThrows(IllegalArgumentException.class,
            () -> AlertJson.parse(json.replace("\"critical\"", "3"))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> AlertJson.parse(json.replace("\"2024-05-01T10:20:00Z\"", "\"yesterday\""))).getMessage()
        .startsWith("alert JSON field 'clearedAt' must be an ISO-8601 time, was 'yesterday'"));
    assertEquals("alert JSON lacks raisedAt", assertThrows(IllegalArgumentException.class,
        () -> AlertJson.parse(json.replace("\"raisedAt\":\"2024-05-01T10:00:00.250Z\"", "\"raisedAt\":null")))
        .getMessage());
    assertEquals("alert JSON must be an object",
        assertThrows(IllegalArgumentException.class, () -> AlertJson.parse("[1]")).getMessage());
  }
}
