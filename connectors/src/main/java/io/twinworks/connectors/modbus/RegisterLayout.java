package io.twinworks.connectors.modbus;

/**
 * Where the bytes of a multi-byte value sit in its registers. Letters name the value's bytes from the most
 * significant (A) down; each pair is one register, in address order. Modbus itself is {@link #ABCD} (big-endian
 * bytes, high word first); many devices swap the words, the bytes within each word, or both. A float64 has eight
 * bytes (ABCDEFGH) but follows the same two choices.
 */
public enum RegisterLayout {
  /** Byte order big, word order big: registers AB CD. */
  ABCD(false, false),
  /** Byte order little, word order big: registers BA DC. */
  BADC(true, false),
  /** Byte order big, word order little: registers CD AB. */
  CDAB(false, true),
  /** Byte order little, word order little: registers DC BA. */
  DCBA(true, true);

  private final boolean bytesSwapped;
  private final boolean wordsSwapped;

  RegisterLayout(boolean bytesSwapped, boolean wordsSwapped) {
    this.bytesSwapped = bytesSwapped;
    this.wordsSwapped = wordsSwapped;
  }

  /**
   * @param littleEndianBytes byte-order little: the low byte of each register comes first
   * @param littleEndianWords word-order little: the least significant register comes first
   */
  public static RegisterLayout of(boolean littleEndianBytes, boolean littleEndianWords) {
    for (RegisterLayout layout : values()) {
      if (layout.bytesSwapped == littleEndianBytes && layout.wordsSwapped == littleEndianWords) {
        return layout;
      }
    }
    throw new AssertionError("all four combinations are listed");
  }

  /** Byte order little: each register holds its value's bytes low first. */
  public boolean bytesSwapped() {
    return bytesSwapped;
  }

  /** Word order little: the value's least significant register comes first. */
  public boolean wordsSwapped() {
    return wordsSwapped;
  }
}
