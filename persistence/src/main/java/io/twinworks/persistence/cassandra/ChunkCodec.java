package io.twinworks.persistence.cassandra;

import io.twinworks.persistence.history.Rollups;
import io.twinworks.twins.Quality;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code points} blob of a {@code telemetry_chunks} row: the points of one series in one minute, oldest first.
 * After a format byte, each point is
 * <ul>
 *   <li>a varint of {@code delta << 2 | quality}, where delta is the microseconds since the previous point (the
 *       first point: since the minute's start; at most 60,000,000, so at most 4 bytes);</li>
 *   <li>the value as the XOR of its IEEE bits with the previous value's (0 before the first): a control byte
 *       {@code leadingZeroBytes << 4 | meaningfulBytes}, then the meaningful bytes, high first. An unchanged value
 *       is the single byte 0; values of a slowly moving signal share sign, exponent and high mantissa bytes.</li>
 * </ul>
 * A point of 1 s spacing costs 4 bytes of time and 1 to 9 bytes of value.
 */
final class ChunkCodec {

  /** One point of a chunk: source time in epoch microseconds, value and quality. */
  record Sample(long micros, double value, Quality quality) {}

  private static final byte FORMAT = 1;
  private static final Quality[] QUALITIES = Quality.values();

  private ChunkCodec() {}

  /** Encodes points of the minute starting at {@code minuteUs}, which must be in strictly ascending time order. */
  static ByteBuffer encode(long minuteUs, List<Sample> samples) {
    ByteBuffer out = ByteBuffer.allocate(1 + samples.size() * 14);
    out.put(FORMAT);
    long previousTime = minuteUs;
    long previousBits = 0;
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (s.micros() < minuteUs || s.micros() >= minuteUs + Rollups.MINUTE_US || (i > 0 && s.micros() <= previousTime)) {
        throw new IllegalArgumentException("chunk points must be strictly ascending and inside the minute starting at "
            + minuteUs + " µs, got " + s.micros() + " µs after " + previousTime + " µs");
      }
      putVarint(out, (s.micros() - previousTime) << 2 | s.quality().ordinal());
      long bits = Double.doubleToRawLongBits(s.value());
      putXor(out, bits ^ previousBits);
      previousTime = s.micros();
      previousBits = bits;
    }
    return out.flip();
  }

  /** The points of a blob written by {@link #encode} for the minute starting at {@code minuteUs}. */
  static List<Sample> decode(long minuteUs, ByteBuffer blob) {
    ByteBuffer in = blob.duplicate();
    byte format = in.get();
    if (format != FORMAT) {
      throw new IllegalStateException("unknown telemetry chunk format " + format + " (this Twinworks reads "
          + FORMAT + ")");
    }
    List<Sample> samples = new ArrayList<>();
    long time = minuteUs;
    long bits = 0;
    while (in.hasRemaining()) {
      long head = getVarint(in);
      time += head >>> 2;
      bits ^= getXor(in);
      samples.add(new Sample(time, Double.longBitsToDouble(bits), QUALITIES[(int) (head & 3)]));
    }
    return samples;
  }

  private static void putVarint(ByteBuffer out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.put((byte) value);
  }

  private static long getVarint(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  private static void putXor(ByteBuffer out, long xor) {
    if (xor == 0) {
      out.put((byte) 0);
      return;
    }
    int leading = Long.numberOfLeadingZeros(xor) / 8;
    int trailing = Long.numberOfTrailingZeros(xor) / 8;
    int meaningful = 8 - leading - trailing;
    out.put((byte) (leading << 4 | meaningful));
    for (int i = meaningful - 1; i >= 0; i--) {
      out.put((byte) (xor >>> (8 * (trailing + i))));
    }
  }

  private static long getXor(ByteBuffer in) {
    int control = in.get() & 0xFF;
    int meaningful = control & 0x0F;
    if (meaningful == 0) {
      return 0;
    }
    int trailing = 8 - (control >>> 4) - meaningful;
    long value = 0;
    for (int i = 0; i < meaningful; i++) {
      value = value << 8 | (in.get() & 0xFF);
    }
    return value << (8 * trailing);
  }
}
