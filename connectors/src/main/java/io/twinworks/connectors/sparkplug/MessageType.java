package io.twinworks.connectors.sparkplug;

import java.util.Optional;

/** The message types of the Sparkplug B topic namespace ({@code spBv1.0/{group}/{type}/...}). */
public enum MessageType {
  NBIRTH, NDEATH, NDATA, NCMD, DBIRTH, DDEATH, DDATA, DCMD, STATE;

  static Optional<MessageType> find(String name) {
    for (MessageType type : values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Whether the message is about a device of an edge node rather than the node itself. */
  boolean ofDevice() {
    return this == DBIRTH || this == DDEATH || this == DDATA || this == DCMD;
  }
}
