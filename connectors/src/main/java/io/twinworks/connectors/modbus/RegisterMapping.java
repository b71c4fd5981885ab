package io.twinworks.connectors.modbus;

import java.util.Objects;

/**
 * One value a device exposes and the twin signal it feeds: {@code type} read from {@code table} at
 * {@code address} (0-based, as on the wire), then {@code raw × scale + offset}.
 */
public record RegisterMapping(
    String signal,
    ModbusTable table,
    int address,
    ValueType type,
    RegisterLayout layout,
    double scale,
    double offset) {

  public RegisterMapping {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(layout, "layout");
    if (table.holdsBits() != (type == ValueType.BOOL)) {
      throw new IllegalArgumentException(table.description() + " hold " + (table.holdsBits() ? "only bool" : "no bool")
          + " values, was " + type + " for '" + signal + "'");
    }
    if (address < 0 || address + type.words() > 65536) {
      throw new IllegalArgumentException("'" + signal + "' must lie within addresses 0..65535, starts at " + address
          + " and takes " + type.words());
    }
    if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
      throw new IllegalArgumentException("scale and offset of '" + signal + "' must be finite numbers");
    }
  }

  /** Registers (or bits) this value takes. */
  public int words() {
    return type.words();
  }

  /** The first address after this value. */
  public int end() {
    return address + type.words();
  }

  /** The signal's value for a decoded raw value. */
  public double scaled(double raw) {
    return raw * scale + offset;
  }
}
