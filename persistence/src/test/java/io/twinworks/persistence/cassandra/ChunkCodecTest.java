package io.twinworks.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twinworks.persistence.cassandra.ChunkCodec.Sample;
import io.twinworks.twins.Quality;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

  private static final long MINUTE = 29_000_000L * 60_000_000L;
  private static final long MINUTE_US = 60_000_000L;

  @Test
  void roundTripKeepsEveryBitOfTimeValueAndQuality() {
    List<Sample> samples = List.of(
        new Sample(MINUTE, -273.15, Quality.GOOD),
        new Sample(MINUTE + 1, Double.NaN, Quality.UNCERTAIN),
        new Sample(MINUTE + 2, -0.0, Quality.BAD),
        new Sample(MINUTE + 3, 0.0, Quality.GOOD),
        new Sample(MINUTE + 1_000_000, Double.NEGATIVE_INFINITY, Quality.BAD),
        new Sample(MINUTE + 1_000_001, Double.MAX_VALUE, Quality.UNCERTAIN),
        new Sample(MINUTE + 2_000_000, Double.MIN_VALUE, Quality.GOOD),
        new Sample(MINUTE + 2_000_001, Double.MIN_VALUE, Quality.BAD),
        new Sample(MINUTE + MINUTE_US - 1, 42.5, Quality.GOOD));
    List<Sample> decoded = ChunkCodec.decode(MINUTE, ChunkCodec.encode(MINUTE, samples));
    assertEquals(samples.size(), decoded.size());
    for (int i = 0; i < samples.size(); i++) {
      assertEquals(samples.get(i).micros(), decoded.get(i).micros(), "time " + i);
      assertEquals(Double.doubleToRawLongBits(samples.get(i).value()),
          Double.doubleToRawLongBits(decoded.get(i).value()), "value bits " + i);
      assertEquals(samples.get(i).quality(), decoded.get(i).quality(), "quality " + i);
    }
  }

  @Test
  void minutesBeforeTheEpochRoundTrip() {
    long minute = -2 * MINUTE_US;
    List<Sample> samples = List.of(new Sample(minute + 5, 1.0, Quality.GOOD), new Sample(minute + 59_999_999, 2.0,
        Quality.BAD));
    assertEquals(samples, ChunkCodec.decode(minute, ChunkCodec.encode(minute, samples)));
  }

  @Test
  void aSlowSignalCostsFewBytesAPoint() {
    List<Sample> samples = List.of(new Sample(MINUTE + 1_000_000, 21.5, Quality.GOOD),
        new Sample(MINUTE + 2_000_000, 21.5, Quality.UNCERTAIN));
    // format 1 byte; point 1: varint(1,000,000 << 2 = 4,000,000) needs 4 bytes (2^21 <= 4e6 < 2^28), 21.5 is
    // 0x4035800000000000: no leading zero byte, 5 trailing, so control byte + 3 bytes; point 2: 4 bytes of time,
    // unchanged value = one 0 byte. 1 + (4 + 4) + (4 + 1) = 14.
    ByteBuffer blob = ChunkCodec.encode(MINUTE, samples);
    assertEquals(14, blob.remaining());
    assertEquals(samples, ChunkCodec.decode(MINUTE, blob));
  }

  @Test
  void aFullMinuteOfNoisyValuesRoundTrips() {
    List<Sample> samples = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 600; i++) {
      samples.add(new Sample(MINUTE + i * 100_000L + random.nextInt(1000), random.nextGaussian() * 1e6,
          Quality.values()[i % 3]));
    }
    assertEquals(samples, ChunkCodec.decode(MINUTE, ChunkCodec.encode(MINUTE, samples)));
  }

  @Test
  void refusesPointsOutOfOrderOrOutsideTheMinute() {
    Sample a = new Sample(MINUTE + 10, 1, Quality.GOOD);
    Sample b = new Sample(MINUTE + 20, 2, Quality.GOOD);
    assertThrows(IllegalArgumentException.class, () -> ChunkCodec.encode(MINUTE, List.of(b, a)));
    assertThrows(IllegalArgumentException.class, () -> ChunkCodec.encode(MINUTE, List.of(a, a)));
    assertThrows(IllegalArgumentException.class,
        () -> ChunkCodec.encode(MINUTE, List.of(new Sample(MINUTE + MINUTE_US, 1, Quality.GOOD))));
    assertThrows(IllegalArgumentException.class,
        () -> ChunkCodec.encode(MINUTE, List.of(new Sample(MINUTE - 1, 1, Quality.GOOD))));
  }

  @Test
  void anUnknownFormatSaysSo() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChunkCodec.decode(MINUTE, ByteBuffer.wrap(new byte[] {9})));
    assertEquals("unknown telemetry chunk format 9 (this Twinworks reads 1)", e.getMessage());
  }
}
