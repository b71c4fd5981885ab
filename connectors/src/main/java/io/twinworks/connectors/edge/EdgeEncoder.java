package io.twinworks.connectors.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinworks.twins.Reading;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readings to the edge payload ({@code edge-json}, see {@link io.twinworks.connectors.codec.EdgeJsonCodec}): one
 * message per twin and origin of a poll, on {@code edge/{gateway}/{kind}/{twinId}}; the buffer numbers the messages
 * and {@link #payload} puts origin, seq and readings together when a message is sent.
 */
public final class EdgeEncoder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String gateway;

  public EdgeEncoder(String gateway) {
    if (gateway.isBlank() || gateway.contains("/") || gateway.contains("+") || gateway.contains("#")) {
      throw new IllegalArgumentException("a gateway name must be one MQTT topic level (no /, + or #), was '"
          + gateway + "'");
    }
    this.gateway = gateway;
  }

  private record Group(String topic, String origin) {}

  /** The readings grouped by twin and origin, in the order they first appear. */
  public List<EdgeBuffer.Entry> entries(List<Reading> readings) {
    Map<Group, ArrayNode> groups = new LinkedHashMap<>();
    for (Reading reading : readings) {
      Group group = new Group("edge/" + gateway + "/" + reading.kind().id() + "/" + reading.twinId().value(),
          reading.origin());
      ObjectNode json = groups.computeIfAbsent(group, g -> JSON.createArrayNode()).addObject();
      json.put("signal", reading.signal());
      json.put("value", reading.value());
      json.put("quality", reading.quality().id());
      json.put("timestamp", reading.sourceTime().toString());
    }
    List<EdgeBuffer.Entry> entries = new ArrayList<>(groups.size());
    groups.forEach((group, array) ->
        entries.add(new EdgeBuffer.Entry(group.topic(), group.origin(), array.toString(), array.size())));
    return entries;
  }

  /** The MQTT payload of a buffered message. */
  public static byte[] payload(EdgeBuffer.Message message) {
    return ("{\"origin\":" + JSON.getNodeFactory().textNode(message.origin()) + ",\"seq\":" + message.seq()
        + ",\"readings\":" + message.readingsJson() + "}").getBytes(StandardCharsets.UTF_8);
  }
}
