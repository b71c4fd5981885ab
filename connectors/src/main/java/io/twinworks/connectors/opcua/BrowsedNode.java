package io.twinworks.connectors.opcua;

import java.util.List;
import java.util.Objects;

/**
 * A node found by browsing, with the nodes under it (as deep as was browsed).
 *
 * @param nodeId as written in configuration, e.g. {@code ns=2;s=Line1.Temp}
 * @param browseName e.g. {@code 2:Temp}
 * @param nodeClass {@code Object}, {@code Variable}, {@code Method}, ...
 * @param dataType the data type's name for a variable (e.g. {@code Double}), else empty
 */
public record BrowsedNode(String nodeId, String browseName, String nodeClass, String dataType,
    List<BrowsedNode> children) {

  public BrowsedNode {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(browseName, "browseName");
    Objects.requireNonNull(nodeClass, "nodeClass");
    Objects.requireNonNull(dataType, "dataType");
    children = List.copyOf(children);
  }

  /** This node and those under it as an indented tree, one node a line. */
  public String tree() {
    StringBuilder out = new StringBuilder();
    appendTo(out, "");
    return out.toString();
  }

  private void appendTo(StringBuilder out, String indent) {
    out.append(indent).append(browseName).append("  ").append(nodeClass);
    if (!dataType.isEmpty()) {
      out.append(' ').append(dataType);
    }
    out.append("  ").append(nodeId).append('\n');
    children.forEach(child -> child.appendTo(out, indent + "  "));
  }
}
