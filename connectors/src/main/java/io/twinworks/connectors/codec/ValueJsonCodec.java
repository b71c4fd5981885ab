package io.twinworks.connectors.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.twins.Quality;
import java.time.Instant;
import java.util.List;

/**
 * One value per message: a bare JSON value ({@code 3.71}) or {@code {"value":3.71,"timestamp":..,"quality":..}}
 * (timestamp and quality optional). The sample's signal is {@code value}; routes name it with a template.
 */
public record ValueJsonCodec(JsonPayloads json) implements PayloadCodec {

  public static final String NAME = "value-json";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Sample> decode(byte[] payload, Instant receivedTime) throws PayloadRejected {
    JsonNode root = json.parse(payload);
    if (!root.isObject()) {
      return List.of(new Sample("value", json.value(root, "payload"), Quality.GOOD, receivedTime));
    }
    return List.of(new Sample("value", json.requiredValue(root, "value"), json.quality(root, "quality"),
        json.timestamp(root, "timestamp", receivedTime)));
  }
}
