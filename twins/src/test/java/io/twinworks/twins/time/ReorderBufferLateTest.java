package io.twinworks.twins.time;

import static io.twinworks.twins.time.ReorderBufferOrderTest.GRACE_2S;
import static io.twinworks.twins.time.ReorderBufferOrderTest.at;
import static io.twinworks.twins.time.ReorderBufferOrderTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.time.ReorderBuffer.Output;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferLateTest {

  @Test
  void aSampleOlderThanTheWatermarkIsLateAndNeverReleased() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(GRACE_2S);
    buffer.offer(at(10, "a"));
    buffer.offer(at(20, "b"));
    Output<String> out = buffer.offer(at(17.9, "old"));
    assertEquals(List.of("old"), names(out.late()), "17.9 s is before the watermark 20 − 2 = 18 s");
    assertEquals(List.of(), names(out.released()));
    assertEquals(List.of("b"), names(buffer.flush(20_000_000).released()), "the late one is not held either");
  }

  @Test
  void aSampleAtTheWatermarkIsStillInOrder() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(GRACE_2S);
    buffer.offer(at(20, "b"));
    Output<String> out = buffer.offer(at(18, "edge"));
    assertEquals(List.of(), out.late(), "18 s is not before the watermark 18 s");
    assertEquals(List.of("edge"), names(out.released()), "and it is at the watermark, so it goes at once");
  }

  @Test
  void theReleasedStreamNeverGoesBackInTime() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(GRACE_2S);
    List<Long> released = new ArrayList<>();
    List<String> late = new ArrayList<>();
    double[] seconds = {5, 3, 8, 2, 7, 12, 9, 6.5, 15, 14, 10, 16};
    for (int i = 0; i < seconds.length; i++) {
      Output<String> out = buffer.offer(at(seconds[i], "s" + i));
      out.released().forEach(sample -> released.add(sample.sourceTimeMicros()));
      late.addAll(names(out.late()));
    }
    // watermark before each arrival (newest − 2 s): −, 3, 3, 6, 6, 6, 10, 10, 10, 13, 13, 13
    // late (older than it): 2 (s3), 9 (s6), 6.5 (s7), 10 (s10)
    assertEquals(List.of("s3", "s6", "s7", "s10"), late);
    // released as the watermark reaches them: 3 | 5 | 7, 8 | 12 | 14
    assertEquals(List.of(3_000_000L, 5_000_000L, 7_000_000L, 8_000_000L, 12_000_000L, 14_000_000L), released);
    assertEquals(2, buffer.heldCount(), "15 and 16 s wait for the watermark, now 16 − 2 = 14 s");
  }
}
