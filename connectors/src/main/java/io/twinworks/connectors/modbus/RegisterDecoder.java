package io.twinworks.connectors.modbus;

/** Turns the 16-bit words a device answered into a value, by type and layout. Pure functions. */
public final class RegisterDecoder {

  private RegisterDecoder() {}

  /**
   * The raw (unscaled) value of a {@code type} that starts at {@code words[from]}.
   *
   * @param words register contents as unsigned 16-bit values (0..65535), as read
   * @throws IllegalArgumentException for {@link ValueType#BOOL}, which is read from bits
   */
  public static double decode(ValueType type, RegisterLayout layout, int[] words, int from) {
    long bits = bigEndianBits(type.words(), layout, words, from);
    return switch (type) {
      case INT16 -> (short) bits;
      case UINT16, UINT32 -> bits;
      case INT32 -> (int) bits;
      case FLOAT32 -> Float.intBitsToFloat((int) bits);
      case FLOAT64 -> Double.longBitsToDouble(bits);
      case BOOL -> throw new IllegalArgumentException("bool values are read from coils or discrete inputs, not words");
    };
  }

  /** The signal's value of {@code register} in a block of words read from {@code blockStart}. */
  public static double value(RegisterMapping register, int[] words, int blockStart) {
    return register.scaled(decode(register.type(), register.layout(), words, register.address() - blockStart));
  }

  /** The signal's value of a bit {@code register}: 1 or 0, scaled. */
  public static double value(RegisterMapping register, boolean bit) {
    return register.scaled(bit ? 1 : 0);
  }

  /**
   * The value's bytes, most significant first, as one number: the registers are taken in the order of the words
   * (reversed for word order little), and each register's two bytes high first (low first for byte order little).
   */
  private static long bigEndianBits(int count, RegisterLayout layout, int[] words, int from) {
    long bits = 0;
    for (int i = 0; i < count; i++) {
      int word = words[from + (layout.wordsSwapped() ? count - 1 - i : i)] & 0xFFFF;
      int ordered = layout.bytesSwapped() ? (word & 0xFF) << 8 | word >>> 8 : word;
      bits = bits << 16 | ordered;
    }
    return bits;
  }
}
