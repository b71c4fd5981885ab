package io.twinworks.connectors.sparkplug;

import java.util.Objects;

/** One Sparkplug edge node: its group and its name within the group. */
public record EdgeNodeId(String group, String node) {

  public EdgeNodeId {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(node, "node");
  }

  /** The topic a host sends node commands to, e.g. a rebirth request. */
  public String commandTopic() {
    return SparkplugTopic.NAMESPACE + "/" + group + "/" + MessageType.NCMD + "/" + node;
  }

  /** The origin of the node's readings, {@code sparkplug:<group>/<node>}. */
  String origin() {
    return "sparkplug:" + group + "/" + node;
  }

  @Override
  public String toString() {
    return group + "/" + node;
  }
}
