package io.twinworks.runtime.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** The payload shapes of DESIGN.md's default routes, as pure functions. */
public final class Payloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  /** {@code {"device_id","timestamp":"<ISO>","readings":{..},"tags":{"line":..}}}. */
  static String machineTelemetry(String deviceId, Instant at, Map<String, Number> readings, String line) {
    ObjectNode node = JSON.createObjectNode().put("device_id", deviceId).put("timestamp", at.toString());
    ObjectNode values = node.putObject("readings");
    readings.forEach((signal, value) -> putNumber(values, signal, value));
    node.putObject("tags").put("line", line);
    return node.toString();
  }

  /** {@code {"sensor_id":"TEMP-01","temperature":42.5,"timestamp":<epoch millis>}}. */
  public static String sensorData(String sensorId, String key, double value, Instant at) {
    return JSON.createObjectNode()
        .put("sensor_id", sensorId)
        .put(key, value)
        .put("timestamp", at.toEpochMilli())
        .toString();
  }

  /** A bare number ({@code 3.71}) or {@code {"value":3.71,"timestamp":"<ISO>"}}. */
  static String cellMetric(double value, Instant at, boolean wrapped) {
    if (!wrapped) {
      return Double.toString(value);
    }
    return JSON.createObjectNode().put("value", value).put("timestamp", at.toString()).toString();
  }

  private static void putNumber(ObjectNode node, String key, Number value) {
    if (value instanceof Integer || value instanceof Long) {
      node.put(key, value.longValue());
    } else {
      node.put(key, value.doubleValue());
    }
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
