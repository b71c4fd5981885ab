package io.twinworks.connectors.modbus;

import java.util.List;
import java.util.Objects;

/**
 * One read of {@code count} registers (or bits) of {@code table} from {@code start}, and the values it holds, in
 * address order.
 */
public record ReadRequest(ModbusTable table, int start, int count, List<RegisterMapping> registers) {

  public ReadRequest {
    Objects.requireNonNull(table, "table");
    registers = List.copyOf(registers);
    if (count < 1 || count > table.maxPerRead()) {
      throw new IllegalArgumentException("a read of " + table.description() + " takes 1.." + table.maxPerRead()
          + ", was " + count);
    }
  }

  /** E.g. {@code holding registers 100..109}. */
  public String describe() {
    return table.description() + " " + start + ".." + (start + count - 1);
  }
}
