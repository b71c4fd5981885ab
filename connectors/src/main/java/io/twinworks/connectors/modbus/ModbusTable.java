package io.twinworks.connectors.modbus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four Modbus data tables. Registers are 16-bit words read with at most 125 per request; coils and discrete
 * inputs are single bits read with at most 2000 per request (the protocol's limits).
 */
public enum ModbusTable {
  HOLDING("holding", "holding registers", 125),
  INPUT("input", "input registers", 125),
  COIL("coil", "coils", 2000),
  DISCRETE("discrete", "discrete inputs", 2000);

  private final String id;
  private final String description;
  private final int maxPerRead;

  ModbusTable(String id, String description, int maxPerRead) {
    this.id = id;
    this.description = description;
    this.maxPerRead = maxPerRead;
  }

  /** The name used in configuration. */
  public String id() {
    return id;
  }

  /** How people call it, e.g. "holding registers". */
  public String description() {
    return description;
  }

  /** The most registers (or bits) one read request may ask for. */
  public int maxPerRead() {
    return maxPerRead;
  }

  /** Coils and discrete inputs hold bits; holding and input registers hold 16-bit words. */
  public boolean holdsBits() {
    return this == COIL || this == DISCRETE;
  }

  public static Optional<ModbusTable> find(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
