package io.twinworks.connectors.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlannerTest {

  private static RegisterMapping at(ModbusTable table, int address, ValueType type) {
    return new RegisterMapping(table + "." + address, table, address, type, RegisterLayout.ABCD, 1, 0);
  }

  /** Each request as "table start+count". */
  private static List<String> plan(List<RegisterMapping> registers, int maxGap) {
    return ReadPlanner.plan(registers, maxGap).stream()
        .map(r -> r.table() + " " + r.start() + "+" + r.count())
        .toList();
  }

  @Test
  void contiguousRegistersShareOneRequestWhateverTheirOrderInTheMap() {
    // float32 at 2..3, uint16 at 0, int32 at 4..5, uint16 at 1: together 0..5, six registers
    assertEquals(List.of("holding 0+6"), plan(List.of(at(ModbusTable.HOLDING, 2, ValueType.FLOAT32),
        at(ModbusTable.HOLDING, 0, ValueType.UINT16), at(ModbusTable.HOLDING, 4, ValueType.INT32),
        at(ModbusTable.HOLDING, 1, ValueType.UINT16)), 0));
  }

  @Test
  void aGapSplitsUnlessMaxGapAllowsIt() {
    // uint16 at 0 ends at 1; the next starts at 3: a gap of 2 registers (1 and 2)
    List<RegisterMapping> registers = List.of(at(ModbusTable.INPUT, 0, ValueType.UINT16),
        at(ModbusTable.INPUT, 3, ValueType.UINT16));
    assertEquals(List.of("input 0+1", "input 3+1"), plan(registers, 0));
    assertEquals(List.of("input 0+1", "input 3+1"), plan(registers, 1));
    assertEquals(List.of("input 0+4"), plan(registers, 2));
  }

  @Test
  void tablesAreNeverMixed() {
    assertEquals(List.of("holding 0+1", "input 0+1", "coil 0+2", "discrete 1+1"), plan(List.of(
        at(ModbusTable.DISCRETE, 1, ValueType.BOOL), at(ModbusTable.COIL, 1, ValueType.BOOL),
        at(ModbusTable.INPUT, 0, ValueType.INT16), at(ModbusTable.COIL, 0, ValueType.BOOL),
        at(ModbusTable.HOLDING, 0, ValueType.INT16)), 0));
  }

  @Test
  void aRequestHoldsAtMost125Registers() {
    // 70 float32 at 0, 2, .., 138 take registers 0..139 (140); the first request ends with the 62nd float,
    // registers 0..123 (124: a 63rd would make 126), the second takes 124..139 (16)
    List<RegisterMapping> registers = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      registers.add(at(ModbusTable.HOLDING, 2 * i, ValueType.FLOAT32));
    }
    assertEquals(List.of("holding 0+124", "holding 124+16"), plan(registers, 0));
  }

  @Test
  void aRequestHoldsAtMost2000Bits() {
    // 2001 coils at 0..2000: 2000 in the first request, 1 in the second
    List<RegisterMapping> coils = new ArrayList<>();
    for (int i = 0; i <= 2000; i++) {
      coils.add(at(ModbusTable.COIL, i, ValueType.BOOL));
    }
    assertEquals(List.of("coil 0+2000", "coil 2000+1"), plan(coils, 0));
  }

  @Test
  void everyRegisterIsInExactlyOneRequest() {
    List<RegisterMapping> registers = List.of(at(ModbusTable.HOLDING, 10, ValueType.FLOAT64),
        at(ModbusTable.HOLDING, 0, ValueType.INT16), at(ModbusTable.HOLDING, 14, ValueType.INT16));
    List<ReadRequest> requests = ReadPlanner.plan(registers, 0);
    assertEquals(List.of(List.of("holding.0"), List.of("holding.10", "holding.14")),
        requests.stream().map(r -> r.registers().stream().map(RegisterMapping::signal).toList()).toList());
  }
}
