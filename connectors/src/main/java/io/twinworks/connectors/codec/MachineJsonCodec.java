package io.twinworks.connectors.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.twins.Quality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Machine telemetry: {@code {"device_id","timestamp","signal_name","value","quality","tags"}} (one signal) or
 * {@code {"device_id","timestamp","readings":{"<signal>":<value>,..},"quality","tags"}} (several signals that
 * share the timestamp and quality). {@code device_id} and {@code tags} are informational: the twin comes from
 * the topic.
 */
public record MachineJsonCodec(JsonPayloads json) implements PayloadCodec {

  public static final String NAME = "machine-json";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Sample> decode(byte[] payload, Instant receivedTime) throws PayloadRejected {
    JsonNode root = json.parseObject(payload);
    Quality quality = json.quality(root, "quality");
    Instant time = json.timestamp(root, "timestamp", receivedTime);
    JsonNode signalName = root.get("signal_name");
    JsonNode readings = root.get("readings");
    if (signalName != null && readings != null) {
      throw new PayloadRejected("payload has both 'signal_name' and 'readings' (send one or the other)");
    }
    if (signalName != null) {
      String signal = json.requiredText(root, "signal_name");
      return List.of(new Sample(signal, json.requiredValue(root, "value"), quality, time));
    }
    if (readings == null) {
      throw new PayloadRejected("payload has neither 'signal_name' nor 'readings'");
    }
    return fromReadings(readings, quality, time);
  }

  private List<Sample> fromReadings(JsonNode readings, Quality quality, Instant time) throws PayloadRejected {
    if (!readings.isObject()) {
      throw new PayloadRejected("field 'readings' is not an object: " + JsonPayloads.show(readings));
    }
    if (readings.isEmpty()) {
      throw new PayloadRejected("field 'readings' is empty");
    }
    List<Sample> samples = new ArrayList<>(readings.size());
    for (Map.Entry<String, JsonNode> entry : readings.properties()) {
      samples.add(new Sample(entry.getKey(), json.fieldValue(entry.getValue(), "readings.", entry.getKey()), quality,
          time));
    }
    return samples;
  }
}
