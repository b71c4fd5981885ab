package io.twinworks.connectors.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterDecoderTest {

  static Stream<KnownRegisters.Case> cases() {
    return KnownRegisters.CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesEveryTypeInEveryLayout(KnownRegisters.Case c) {
    assertEquals(c.raw(), RegisterDecoder.decode(c.type(), c.layout(), c.words(), 0), c.signal());
  }

  @Test
  void readsFromItsOffsetInABlock() {
    // the block holds 7 then float32 -12.5 as CDAB (0x0000 0xC148) at offsets 1..2, then 9
    assertEquals(-12.5, RegisterDecoder.decode(ValueType.FLOAT32, RegisterLayout.CDAB,
        new int[] {7, 0x0000, 0xC148, 9}, 1));
  }

  @Test
  void signedAndUnsignedReadTheSameWordsDifferently() {
    // 0x8000 = 32768 unsigned; as int16 it is 32768 - 65536 = -32768
    assertEquals(32768, RegisterDecoder.decode(ValueType.UINT16, RegisterLayout.ABCD, new int[] {0x8000}, 0));
    assertEquals(-32768, RegisterDecoder.decode(ValueType.INT16, RegisterLayout.ABCD, new int[] {0x8000}, 0));
    // 0xFFFF 0xFFFF = 2^32 - 1 = 4294967295 unsigned, -1 signed
    assertEquals(4_294_967_295L, RegisterDecoder.decode(ValueType.UINT32, RegisterLayout.ABCD,
        new int[] {0xFFFF, 0xFFFF}, 0));
    assertEquals(-1, RegisterDecoder.decode(ValueType.INT32, RegisterLayout.ABCD, new int[] {0xFFFF, 0xFFFF}, 0));
  }

  @Test
  void scaleThenOffset() {
    RegisterMapping temperature = new RegisterMapping("temperature", ModbusTable.INPUT, 10, ValueType.UINT16,
        RegisterLayout.ABCD, 0.1, -40);
    // words from address 9: [_, 650]; 650 × 0.1 − 40 = 65 − 40 = 25
    assertEquals(25.0, RegisterDecoder.value(temperature, new int[] {0, 650}, 9), 1e-9);
    RegisterMapping running = new RegisterMapping("run_status", ModbusTable.COIL, 3, ValueType.BOOL,
        RegisterLayout.ABCD, 1, 0);
    assertEquals(1.0, RegisterDecoder.value(running, true));
    assertEquals(0.0, RegisterDecoder.value(running, false));
  }

  @Test
  void aNotANumberStaysOneForThePollerToReject() {
    // 0x7FC00000 is float32's quiet NaN
    assertTrue(Double.isNaN(RegisterDecoder.decode(ValueType.FLOAT32, RegisterLayout.ABCD,
        new int[] {0x7FC0, 0x0000}, 0)));
  }

  @Test
  void boolIsNotDecodedFromWords() {
    assertThrows(IllegalArgumentException.class,
        () -> RegisterDecoder.decode(ValueType.BOOL, RegisterLayout.ABCD, new int[] {1}, 0));
  }
}
