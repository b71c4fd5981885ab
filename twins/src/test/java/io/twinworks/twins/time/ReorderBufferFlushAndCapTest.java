package io.twinworks.twins.time;

import static io.twinworks.twins.time.ReorderBufferOrderTest.GRACE_2S;
import static io.twinworks.twins.time.ReorderBufferOrderTest.at;
import static io.twinworks.twins.time.ReorderBufferOrderTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.time.ReorderBuffer.Output;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferFlushAndCapTest {

  @Test
  void flushReleasesUpToTheGivenTimeAndMakesOlderArrivalsLate() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(GRACE_2S);
    assertEquals(List.of("a"), names(buffer.offerAll(List.of(at(10, "a"), at(11, "b"), at(12, "c"))).released()),
        "watermark 12 − 2 = 10 s");
    assertEquals(List.of("b"), names(buffer.flush(11_000_000).released()), "a tick closes time up to 11 s");
    assertEquals(11_000_000L, buffer.watermarkMicros());
    assertEquals(List.of("late"), names(buffer.offer(at(10.5, "late")).late()));
    assertEquals(List.of(), names(buffer.flush(5_000_000).released()), "the watermark never moves back");
    assertEquals(11_000_000L, buffer.watermarkMicros());
  }

  @Test
  void overTheCapTheOldestLeaveEarly() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(new ReorderSettings(Duration.ofMinutes(1), 3));
    buffer.offerAll(List.of(at(4, "d"), at(1, "a"), at(3, "c")));
    Output<String> out = buffer.offerAll(List.of(at(2, "b"), at(5, "e")));
    assertEquals(List.of("a", "b"), names(out.released()), "5 held, cap 3: the two oldest go");
    assertEquals(3, buffer.heldCount());
    assertEquals(2_000_000L, buffer.watermarkMicros(), "up to the last released, so the stream stays in order");
    assertEquals(List.of("straggler"), names(buffer.offer(at(1.5, "straggler")).late()));
  }
}
