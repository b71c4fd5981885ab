package io.twinworks.connectors.modbus;

import java.util.Arrays;
import java.util.Optional;

/** How a register's value is encoded, and how many 16-bit words it takes ({@link #BOOL}: one bit). */
public enum ValueType {
  INT16("int16", 1),
  UINT16("uint16", 1),
  INT32("int32", 2),
  UINT32("uint32", 2),
  FLOAT32("float32", 2),
  FLOAT64("float64", 4),
  BOOL("bool", 1);

  private final String id;
  private final int words;

  ValueType(String id, int words) {
    this.id = id;
    this.words = words;
  }

  /** The name used in configuration. */
  public String id() {
    return id;
  }

  /** Registers (or, for {@link #BOOL}, bits) one value takes. */
  public int words() {
    return words;
  }

  public static Optional<ValueType> find(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
