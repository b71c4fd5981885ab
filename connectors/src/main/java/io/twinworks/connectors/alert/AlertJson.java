package io.twinworks.connectors.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place the alert JSON of DESIGN.md is written (MQTT alert topic, webhooks, HTTP API, SSE):
 * {@code {"id","twinId","tenant","kind","severity","signal","value","expected","deviation","detector","state",
 * "raisedAt","acknowledgedAt","clearedAt","sourceTime","evidence":{..}}}, fields in that order. Times are
 * ISO-8601 UTC ({@link Instant#toString()}), {@code null} when absent; NaN and infinite numbers are
 * {@code null}; evidence keys are sorted, so the same alert always gives the same bytes.
 */
public final class AlertJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AlertJson() {}

  /** The alert as a JSON object, e.g. to embed in a list answer. */
  public static ObjectNode node(Alert alert) {
    ObjectNode node = NODES.objectNode();
    node.put("id", alert.id());
    node.put("twinId", alert.twinId().value());
    node.put("tenant", alert.tenant());
    node.put("kind", alert.kind());
    node.put("severity", alert.severity().json());
    node.put("signal", alert.signal());
    number(node, "value", alert.value());
    number(node, "expected", alert.expected());
    number(node, "deviation", alert.deviation());
    node.put("detector", alert.detector());
    node.put("state", alert.state().json());
    time(node, "raisedAt", alert.raisedAt());
    time(node, "acknowledgedAt", alert.acknowledgedAt());
    time(node, "clearedAt", alert.clearedAt());
    time(node, "sourceTime", alert.sourceTime());
    ObjectNode evidence = node.putObject("evidence");
    new TreeMap<>(alert.evidence()).forEach((key, value) -> number(evidence, key, value));
    return node;
  }

  /** The alert as UTF-8 JSON bytes: the exact body of a webhook and payload of an MQTT alert message. */
  public static byte[] bytes(Alert alert) {
    try {
      return MAPPER.writeValueAsBytes(node(alert));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert tree could not be written", e); // a tree of plain nodes always can
    }
  }

  /** The alert as a JSON string. */
  public static String string(Alert alert) {
    return new String(bytes(alert), StandardCharsets.UTF_8);
  }

  /**
   * Reads alert JSON back; {@code null} numbers become NaN. {@code tenant} is derived from {@code twinId}
   * and not read.
   *
   * @throws IllegalArgumentException naming the field when the JSON is not an alert
   */
  public static Alert parse(byte[] json) {
    try {
      return fromNode(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("alert JSON is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @see #parse(byte[]) */
  public static Alert parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** @see #parse(byte[]) */
  public static Alert fromNode(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("alert JSON must be an object");
    }
    try {
      return new Alert(text(node, "id"), TwinId.of(text(node, "twinId")), text(node, "kind"),
          Severity.parse(text(node, "severity")), text(node, "signal"), number(node, "value"),
          number(node, "expected"), number(node, "deviation"), optionalText(node, "detector"),
          AlertState.parse(text(node, "state")), instant(node, "raisedAt"), instant(node, "acknowledgedAt"),
          instant(node, "clearedAt"), instant(node, "sourceTime"), evidence(node.get("evidence")));
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("alert JSON lacks " + e.getMessage(), e);
    }
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static void time(ObjectNode node, String field, Instant time) {
    if (time == null) {
      node.putNull(field);
    } else {
      node.put(field, time.toString());
    }
  }

  private static String text(JsonNode node, String field) {
    String text = optionalText(node, field);
    if (text == null) {
      throw new IllegalArgumentException("alert JSON field '" + field + "' must be a string");
    }
    return text;
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("alert JSON field '" + field + "' must be a string, was " + value);
    }
    return value.textValue();
  }

  private static double number(JsonNode node, String field) {
    return numberOrNaN(node.get(field), field);
  }

  private static double numberOrNaN(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return Double.NaN;
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException("alert JSON field '" + field + "' must be a number or null, was " + value);
    }
    return value.doubleValue();
  }

  private static Instant instant(JsonNode node, String field) {
    String text = optionalText(node, field);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("alert JSON field '" + field + "' must be an ISO-8601 time, was '"
          + text + "'", e);
    }
  }

  private static Map<String, Double> evidence(JsonNode node) {
    Map<String, Double> evidence = new HashMap<>();
    if (node == null || node.isNull()) {
      return evidence;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("alert JSON field 'evidence' must be an object, was " + node);
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      evidence.put(field.getKey(), numberOrNaN(field.getValue(), "evidence." + field.getKey()));
    }
    return evidence;
  }
}
