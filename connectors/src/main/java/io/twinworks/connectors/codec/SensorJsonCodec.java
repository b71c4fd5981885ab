package io.twinworks.connectors.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.twins.Quality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sensor data: {@code {"sensor_id":"TEMP-01","temperature":42.5,"timestamp":..}}. Every numeric field but
 * {@code sensor_id}, {@code timestamp} and {@code quality} is a signal of that name; other fields (a unit, a
 * label) are ignored. A payload without any numeric field is rejected.
 */
public record SensorJsonCodec(JsonPayloads json) implements PayloadCodec {

  public static final String NAME = "sensor-json";
  private static final Set<String> RESERVED = Set.of("sensor_id", "timestamp", "quality");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Sample> decode(byte[] payload, Instant receivedTime) throws PayloadRejected {
    JsonNode root = json.parseObject(payload);
    Quality quality = json.quality(root, "quality");
    Instant time = json.timestamp(root, "timestamp", receivedTime);
    List<Sample> samples = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getValue().isNumber() && !RESERVED.contains(field.getKey())) {
        samples.add(new Sample(field.getKey(), json.fieldValue(field.getValue(), "", field.getKey()), quality, time));
      }
    }
    if (samples.isEmpty()) {
      throw new PayloadRejected("payload has no numeric field besides 'sensor_id' and 'timestamp'");
    }
    return samples;
  }
}
