package io.twinworks.connectors.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusSettingsTest {

  private static final String DEVICE = "name = press01, host = \"10.0.0.5\", twin = \"default:line1:press01\"";

  private static ModbusSettings settings(String hocon) {
    return ModbusSettings.create(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  /** One device with these registers (and more device keys, when given). */
  private static ModbusDevice device(String registers, String more) {
    return settings("twinworks.connectors.modbus.devices = [{ " + DEVICE + ", " + more + " registers = [" + registers
        + "] }]").devices().get(0);
  }

  private static String problem(String registers, String more) {
    return assertThrows(ConfigException.class, () -> device(registers, more)).getMessage();
  }

  private static final String PREFIX = "twinworks.connectors.modbus.devices[0]";

  @Test
  void noDevicesByDefault() {
    assertEquals(List.of(), settings("").devices());
  }

  @Test
  void deviceTakesDefaultsForWhatItLeavesOut() {
    ModbusDevice device = device("{ name = temperature, table = input, address = 3, type = float32 }", "");
    assertEquals(new ModbusDevice("press01", "10.0.0.5", 502, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
        Duration.ofSeconds(1), Duration.ofSeconds(30), TwinId.of("default:line1:press01"), TwinKind.MACHINE, 0,
        List.of(new RegisterMapping("temperature", ModbusTable.INPUT, 3, ValueType.FLOAT32, RegisterLayout.ABCD, 1,
            0))), device);
    assertEquals("modbus:press01", device.origin());
  }

  @Test
  void everyKeyCanBeSet() {
    ModbusDevice device = device("{ name = flow, table = holding, address = 100, type = int32, byte-order = little,"
        + " word-order = big, scale = 0.01, offset = -5 }", "port = 1502, unit-id = 7, poll-interval = 250ms,"
        + " timeout = 2s, retries = 0, min-backoff = 100ms, max-backoff = 5s, kind = battery-pack, max-gap = 3,");
    assertEquals(new ModbusDevice("press01", "10.0.0.5", 1502, 7, Duration.ofMillis(250), Duration.ofSeconds(2), 0,
        Duration.ofMillis(100), Duration.ofSeconds(5), TwinId.of("default:line1:press01"), TwinKind.BATTERY_PACK, 3,
        List.of(new RegisterMapping("flow", ModbusTable.HOLDING, 100, ValueType.INT32, RegisterLayout.BADC, 0.01,
            -5))), device);
  }

  @Test
  void byteAndWordOrderNameTheFourLayouts() {
    List<RegisterMapping> registers = device("""
        { name = abcd, table = holding, address = 0, type = float32 }
        { name = badc, table = holding, address = 2, type = float32, byte-order = little }
        { name = cdab, table = holding, address = 4, type = float32, word-order = little }
        { name = dcba, table = holding, address = 6, type = float32, byte-order = little, word-order = little }
        """, "").registers();
    assertEquals(List.of(RegisterLayout.ABCD, RegisterLayout.BADC, RegisterLayout.CDAB, RegisterLayout.DCBA),
        registers.stream().map(RegisterMapping::layout).toList());
  }

  @Test
  void bitTablesDefaultToBool() {
    assertEquals(List.of(ValueType.BOOL, ValueType.BOOL), device("{ name = run, table = coil, address = 0 },"
        + " { name = door, table = discrete, address = 0, type = bool }", "").registers().stream()
        .map(RegisterMapping::type).toList());
  }

  @Test
  void countReadsThatManyValuesInARow() {
    // 3 × uint16 from 10: addresses 10, 11, 12; 2 × float32 from 20: 20 and 22
    List<RegisterMapping> registers = device("{ name = \"cell.{i}.voltage\", table = input, address = 10,"
        + " type = uint16, count = 3, scale = 0.001 }, { name = \"t{i}\", table = input, address = 20,"
        + " type = float32, count = 2 }", "").registers();
    assertEquals(List.of("cell.1.voltage@10", "cell.2.voltage@11", "cell.3.voltage@12", "t1@20", "t2@22"),
        registers.stream().map(r -> r.signal() + "@" + r.address()).toList());
  }

  @Test
  void typesMustFitTheirTable() {
    assertEquals(PREFIX + ".registers[0].type: bool is for coil and discrete; holding registers hold 16-bit words "
        + "(read a 0/1 register as uint16) (device 'press01')",
        problem("{ name = a, table = holding, address = 0, type = bool }", ""));
    assertEquals(PREFIX + ".registers[0].type: coils hold single bits: the type must be bool (or left out), was int16"
        + " (device 'press01')", problem("{ name = a, table = coil, address = 0, type = int16 }", ""));
    assertEquals(PREFIX + ".registers[0].type: unknown value 'int8' (expected int16, uint16, int32, uint32, float32, "
        + "float64, bool) (device 'press01')", problem("{ name = a, table = input, address = 0, type = int8 }", ""));
    assertEquals(PREFIX + ".registers[0].type: missing (device 'press01')",
        problem("{ name = a, table = input, address = 0 }", ""));
    assertEquals(PREFIX + ".registers[0].table: unknown value 'holdings' (expected holding, input, coil, discrete) "
        + "(device 'press01')", problem("{ name = a, table = holdings, address = 0, type = int16 }", ""));
  }

  @Test
  void addressesMustBeInRangeAndNotOverlap() {
    assertEquals(PREFIX + ".registers[0].address: must be 0..65535, was -1 (device 'press01')",
        problem("{ name = a, table = holding, address = -1, type = int16 }", ""));
    // a float64 takes 4 registers: the last it may start at is 65536 - 4 = 65532
    assertEquals(PREFIX + ".registers[0].address: must be 0..65532, was 65533 (device 'press01')",
        problem("{ name = a, table = holding, address = 65533, type = float64 }", ""));
    // the float32 takes 10..11; the int16 at 11 overlaps it
    assertEquals(PREFIX + ".registers[1].address: 'b' (holding 11..11) overlaps 'a' (holding 10..11) of "
        + PREFIX + ".registers[0].address (device 'press01')",
        problem("{ name = a, table = holding, address = 10, type = float32 },"
            + " { name = b, table = holding, address = 11, type = int16 }", ""));
    // the same address in another table is another register
    assertEquals(2, device("{ name = a, table = holding, address = 10, type = int16 },"
        + " { name = b, table = input, address = 10, type = int16 }", "").registers().size());
  }

  @Test
  void countIsLimitedToOneRequest() {
    // float32 takes 2 registers: at most 125 / 2 = 62 in one request
    assertEquals(PREFIX + ".registers[0].count: must be 1..62, was 63 (device 'press01')",
        problem("{ name = \"f{i}\", table = holding, address = 0, type = float32, count = 63 }", ""));
    assertEquals(PREFIX + ".registers[0].count: must be 1..2000, was 2001 (device 'press01')",
        problem("{ name = \"c{i}\", table = coil, address = 0, count = 2001 }", ""));
    assertEquals(PREFIX + ".registers[0].name: must contain {i} (replaced by 1..2) when count is more than 1, was 'v' "
        + "(device 'press01')", problem("{ name = v, table = holding, address = 0, type = int16, count = 2 }", ""));
  }

  @Test
  void signalsMustBeUnique() {
    assertEquals(PREFIX + ".registers[1].name: signal 'a' is already read by " + PREFIX + ".registers[0].name; each "
        + "signal needs its own register (device 'press01')", problem("{ name = a, table = holding, address = 0,"
            + " type = int16 }, { name = a, table = input, address = 0, type = int16 }", ""));
  }

  @Test
  void deviceValuesAreChecked() {
    String register = "{ name = a, table = holding, address = 0, type = int16 }";
    assertEquals(PREFIX + ".port: must be 1..65535, was 70000 (device 'press01')", problem(register, "port = 70000,"));
    assertEquals(PREFIX + ".unit-id: must be 0..255, was 256 (device 'press01')", problem(register, "unit-id = 256,"));
    assertEquals(PREFIX + ".timeout: must be positive, was PT0S (device 'press01')",
        problem(register, "timeout = 0s,"));
    assertEquals(PREFIX + ".max-backoff: must not be less than min-backoff (PT5S), was PT1S (device 'press01')",
        problem(register, "min-backoff = 5s, max-backoff = 1s,"));
    assertEquals(PREFIX + ".kind: unknown value 'robot' (expected sensor, machine, battery-pack) (device 'press01')",
        problem(register, "kind = robot,"));
    assertTrue(problem(register, "twin = \"press01\",").startsWith(PREFIX + ".twin: twin id 'press01' needs a tenant"));
    assertTrue(problem(register, "poll-interval = often,").startsWith(PREFIX + ".poll-interval: "));
    assertEquals(PREFIX + ".registers: must list at least one register (device 'press01')", problem("", ""));
    assertEquals(0, device(register, "poll-interval = 0s,").pollInterval().toMillis());
  }

  @Test
  void unknownKeysAreTyposNotDefaults() {
    assertEquals(PREFIX + ".adress: unknown key (expected host, kind, max-backoff, max-gap, min-backoff, name, "
        + "poll-interval, port, registers, retries, timeout, twin, unit-id)",
        problem("{ name = a, table = holding, address = 0, type = int16 }", "adress = 3,"));
    assertTrue(problem("{ name = a, table = holding, adress = 0, type = int16 }", "")
        .startsWith(PREFIX + ".registers[0].adress: unknown key (expected address, byte-order, count, name, offset, "));
  }

  @Test
  void errorsInDefaultsNameTheDefault() {
    assertEquals("twinworks.connectors.modbus.device-defaults.port: must be 1..65535, was 0 (device 'press01')",
        assertThrows(ConfigException.class, () -> settings("twinworks.connectors.modbus { device-defaults.port = 0,"
            + " devices = [{ " + DEVICE + ", registers = [{ name = a, table = holding, address = 0, type = int16 }]"
            + " }] }")).getMessage());
  }

  @Test
  void deviceNamesMustBeUnique() {
    String device = "{ " + DEVICE + ", registers = [{ name = a, table = holding, address = 0, type = int16 }] }";
    assertEquals("twinworks.connectors.modbus.devices[1].name: 'press01' is already the name of devices[0]; give each "
        + "device its own name", assertThrows(ConfigException.class,
            () -> settings("twinworks.connectors.modbus.devices = [" + device + ", " + device + "]")).getMessage());
  }
}
