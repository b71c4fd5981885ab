package io.twinworks.connectors.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an edge gateway publishes: one twin's readings of one poll, with the origin that polled them and the
 * gateway's sequence number, {@code {"origin":"modbus:press-7","seq":42,"readings":[{"signal":"pressure",
 * "value":1.5,"quality":"good","timestamp":"2026-11-22T09:00:00.100Z"}]}}. The twin comes from the topic (see
 * the {@code edge-*} routes).
 */
public record EdgeJsonCodec(JsonPayloads json) implements PayloadCodec {

  public static final String NAME = "edge-json";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Sample> decode(byte[] payload, Instant receivedTime) throws PayloadRejected {
    JsonNode root = json.parseObject(payload);
    String origin = json.requiredText(root, "origin");
    JsonNode seq = root.get("seq");
    if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 0) {
      throw new PayloadRejected("'seq' must be a non-negative whole number, was "
          + (seq == null ? "none" : JsonPayloads.show(seq)));
    }
    JsonNode readings = root.get("readings");
    if (readings == null || !readings.isArray() || readings.isEmpty()) {
      throw new PayloadRejected("'readings' must be a non-empty array");
    }
    List<Sample> samples = new ArrayList<>(readings.size());
    for (JsonNode reading : readings) {
      if (!reading.isObject()) {
        throw new PayloadRejected("each of 'readings' must be an object, one was " + reading.getNodeType());
      }
      samples.add(new Sample(json.requiredText(reading, "signal"), json.requiredValue(reading, "value"),
          json.quality(reading, "quality"), json.timestamp(reading, "timestamp", receivedTime), origin,
          seq.asLong()));
    }
    return samples;
  }
}
