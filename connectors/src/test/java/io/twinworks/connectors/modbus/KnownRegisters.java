package io.twinworks.connectors.modbus;

import static io.twinworks.connectors.modbus.RegisterLayout.ABCD;
import static io.twinworks.connectors.modbus.RegisterLayout.BADC;
import static io.twinworks.connectors.modbus.RegisterLayout.CDAB;
import static io.twinworks.connectors.modbus.RegisterLayout.DCBA;

import java.util.List;

/**
 * Register contents worked out by hand for every type in every layout, shared by the decoder's unit test and the
 * poller's test against a j2mod slave. The values and their big-endian bytes (ABCD..):
 * <ul>
 *   <li>int16 −2: two's complement of 2 in 16 bits is 0x10000 − 2 = 0xFFFE; bytes swapped 0xFEFF.
 *   <li>uint16 4660 = 0x1234 (1·4096 + 2·256 + 3·16 + 4); bytes swapped 0x3412 (= 13330 if read wrongly).
 *   <li>int32 −123456789: 123456789 = 0x075BCD15, and 0x1_0000_0000 − 0x075BCD15 = 0xF8A432EB.
 *   <li>uint32 3000000000 = 0xB2D05E00 (0xB2D0 · 65536 + 0x5E00 = 45776 · 65536 + 24064).
 *   <li>float32 −12.5 = −1.5625 · 2^3: sign 1, exponent 127 + 3 = 130 = 0x82, fraction .5625 = 0.1001b, so
 *       1 10000010 1001000… = 0xC1480000.
 *   <li>float64 1234.5 = 10011010010.1b = 1.00110100101b · 2^10: exponent 1023 + 10 = 1033 = 0x409, fraction
 *       0011 0100 1010 0…, so 0x40934A0000000000.
 * </ul>
 * Byte order little swaps the bytes in each register (AB → BA); word order little reverses the registers.
 */
final class KnownRegisters {

  /** A value of {@code type} stored as {@code words} in {@code layout}, which must decode to {@code raw}. */
  record Case(ValueType type, RegisterLayout layout, int[] words, double raw) {

    String signal() {
      return type + "_" + layout.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final List<Case> CASES = List.of(
      new Case(ValueType.INT16, ABCD, new int[] {0xFFFE}, -2),
      new Case(ValueType.INT16, BADC, new int[] {0xFEFF}, -2),
      new Case(ValueType.INT16, CDAB, new int[] {0xFFFE}, -2),
      new Case(ValueType.INT16, DCBA, new int[] {0xFEFF}, -2),
      new Case(ValueType.UINT16, ABCD, new int[] {0x1234}, 4660),
      new Case(ValueType.UINT16, BADC, new int[] {0x3412}, 4660),
      new Case(ValueType.UINT16, CDAB, new int[] {0x1234}, 4660),
      new Case(ValueType.UINT16, DCBA, new int[] {0x3412}, 4660),
      new Case(ValueType.INT32, ABCD, new int[] {0xF8A4, 0x32EB}, -123456789),
      new Case(ValueType.INT32, BADC, new int[] {0xA4F8, 0xEB32}, -123456789),
      new Case(ValueType.INT32, CDAB, new int[] {0x32EB, 0xF8A4}, -123456789),
      new Case(ValueType.INT32, DCBA, new int[] {0xEB32, 0xA4F8}, -123456789),
      new Case(ValueType.UINT32, ABCD, new int[] {0xB2D0, 0x5E00}, 3_000_000_000L),
      new Case(ValueType.UINT32, BADC, new int[] {0xD0B2, 0x005E}, 3_000_000_000L),
      new Case(ValueType.UINT32, CDAB, new int[] {0x5E00, 0xB2D0}, 3_000_000_000L),
      new Case(ValueType.UINT32, DCBA, new int[] {0x005E, 0xD0B2}, 3_000_000_000L),
      new Case(ValueType.FLOAT32, ABCD, new int[] {0xC148, 0x0000}, -12.5),
      new Case(ValueType.FLOAT32, BADC, new int[] {0x48C1, 0x0000}, -12.5),
      new Case(ValueType.FLOAT32, CDAB, new int[] {0x0000, 0xC148}, -12.5),
      new Case(ValueType.FLOAT32, DCBA, new int[] {0x0000, 0x48C1}, -12.5),
      new Case(ValueType.FLOAT64, ABCD, new int[] {0x4093, 0x4A00, 0x0000, 0x0000}, 1234.5),
      new Case(ValueType.FLOAT64, BADC, new int[] {0x9340, 0x004A, 0x0000, 0x0000}, 1234.5),
      new Case(ValueType.FLOAT64, CDAB, new int[] {0x0000, 0x0000, 0x4A00, 0x4093}, 1234.5),
      new Case(ValueType.FLOAT64, DCBA, new int[] {0x0000, 0x0000, 0x004A, 0x9340}, 1234.5));

  private KnownRegisters() {}
}
