package io.twinworks.connectors.sparkplug;

import io.twinworks.connectors.codec.UntrustedText;
import java.util.Optional;

/**
 * A parsed Sparkplug B topic: {@code spBv1.0/{group}/{type}/{node}[/{device}]}, or {@code spBv1.0/STATE/{host}}
 * (a host application's state, {@link MessageType#STATE}, whose node is the host id).
 *
 * @param device present for the device message types (DBIRTH, DDATA, DDEATH, DCMD)
 */
public record SparkplugTopic(EdgeNodeId edgeNode, MessageType type, Optional<String> device) {

  public static final String NAMESPACE = "spBv1.0";

  /** Whether the topic is in the Sparkplug B namespace at all. */
  public static boolean isSparkplug(String topic) {
    return topic.startsWith(NAMESPACE + "/");
  }

  /** Parses a topic; throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static SparkplugTopic parse(String topic) {
    String[] levels = topic.split("/", -1);
    if (!levels[0].equals(NAMESPACE)) {
      throw new IllegalArgumentException("topic '" + UntrustedText.shown(topic) + "' is not in the " + NAMESPACE
          + " namespace");
    }
    if (levels.length == 3 && levels[1].equals(MessageType.STATE.name())) {
      return new SparkplugTopic(new EdgeNodeId(MessageType.STATE.name(), levels[2]), MessageType.STATE,
          Optional.empty());
    }
    if (levels.length < 4) {
      throw new IllegalArgumentException("Sparkplug topic '" + UntrustedText.shown(topic)
          + "' has too few levels; expected " + NAMESPACE + "/{group}/{type}/{node}[/{device}]");
    }
    MessageType type = MessageType.find(levels[2]).orElseThrow(() -> new IllegalArgumentException(
        "Sparkplug topic '" + UntrustedText.shown(topic) + "' has an unknown message type '"
            + UntrustedText.shown(levels[2]) + "'"));
    int expected = type.ofDevice() ? 5 : 4;
    if (levels.length != expected) {
      throw new IllegalArgumentException("Sparkplug " + type + " topic '" + UntrustedText.shown(topic) + "' must have "
          + expected + " levels, has " + levels.length);
    }
    for (String level : levels) {
      if (level.isEmpty()) {
        throw new IllegalArgumentException("Sparkplug topic '" + UntrustedText.shown(topic) + "' has an empty level");
      }
    }
    return new SparkplugTopic(new EdgeNodeId(levels[1], levels[3]), type,
        type.ofDevice() ? Optional.of(levels[4]) : Optional.empty());
  }
}
