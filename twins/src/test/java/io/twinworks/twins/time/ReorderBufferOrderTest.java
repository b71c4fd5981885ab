package io.twinworks.twins.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.Quality;
import io.twinworks.twins.time.ReorderBuffer.Output;
import io.twinworks.twins.time.ReorderBuffer.Sample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferOrderTest {

  static final ReorderSettings GRACE_2S = new ReorderSettings(Duration.ofSeconds(2), 100);

  /** A sample at {@code seconds} of source time, its payload a name to check the order by. */
  static Sample<String> at(double seconds, String name) {
    return new Sample<>("temperature", 20.0, Quality.GOOD, (long) (seconds * 1_000_000), name);
  }

  static List<String> names(List<Sample<String>> samples) {
    return samples.stream().map(Sample::payload).toList();
  }

  @Test
  void holdsSamplesUntilTheWatermarkPassesThem() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(GRACE_2S);
    assertEquals(List.of(), names(buffer.offer(at(10, "a")).released()), "watermark 10 − 2 = 8 s: a waits");
    assertEquals(List.of(), names(buffer.offer(at(11, "b")).released()), "watermark 9 s");
    assertEquals(List.of("a"), names(buffer.offer(at(12, "c")).released()), "watermark 10 s reaches a at 10 s");
    assertEquals(10_000_000L, buffer.watermarkMicros());
    assertEquals(2, buffer.heldCount());
  }

  @Test
  void releasesInSourceTimeOrderWhateverTheArrivalOrder() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(GRACE_2S);
    buffer.offer(at(10, "a"));
    buffer.offer(at(9, "b"));
    buffer.offer(at(10.5, "c"));
    buffer.offer(at(9.5, "d"));
    Output<String> out = buffer.offer(at(13, "e"));
    // watermark 13 − 2 = 11 s: everything up to 11 s, sorted: b 9, d 9.5, a 10, c 10.5
    assertEquals(List.of("b", "d", "a", "c"), names(out.released()));
    assertEquals(List.of(), out.late());
  }

  @Test
  void equalSourceTimesLeaveInArrivalOrder() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(GRACE_2S);
    buffer.offerAll(List.of(at(5, "first"), at(4, "x"), at(5, "second")));
    buffer.offer(at(5, "third"));
    assertEquals(List.of("x", "first", "second", "third"), names(buffer.offer(at(7, "y")).released()),
        "watermark 7 − 2 = 5 s");
  }

  @Test
  void aBatchMayBringItsOwnSamplesInAnyOrder() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(new ReorderSettings(Duration.ZERO, 100));
    Output<String> out = buffer.offerAll(List.of(at(3, "c"), at(1, "a"), at(2, "b")));
    assertEquals(List.of("a", "b", "c"), names(out.released()), "late is judged against the watermark before the batch");
    assertEquals(List.of(), out.late());
  }

  @Test
  void zeroGraceReleasesEachSampleAtOnce() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(new ReorderSettings(Duration.ZERO, 100));
    assertEquals(List.of("a"), names(buffer.offer(at(1, "a")).released()));
    assertEquals(List.of("b"), names(buffer.offer(at(1, "b")).released()), "the same time again is not late");
    assertEquals(List.of("c"), names(buffer.offer(at(2, "c")).released()));
    assertEquals(0, buffer.heldCount());
  }
}
