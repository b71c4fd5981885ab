package io.twinworks.twins.time;

import static io.twinworks.twins.time.ReorderBufferOrderTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import io.twinworks.twins.testing.Snapshots;
import io.twinworks.twins.time.ReorderBuffer.Output;
import io.twinworks.twins.time.ReorderBuffer.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferSnapshotTest {

  private static final ReorderSettings SETTINGS = new ReorderSettings(Duration.ofSeconds(2), 4);
  private static final double[] SECONDS = {5, 3, 5, 8, 2, 7, 12, 9, 12, 6.5, 15, 14, 14, 10, 16, 17, 13.5, 20};

  private static List<Output<String>> feed(ReorderBuffer<String> buffer, int from, int to) {
    List<Output<String>> outputs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      outputs.add(buffer.offer(at(SECONDS[i], "s" + i)));
    }
    outputs.add(buffer.flush(18_000_000));
    return outputs;
  }

  @Test
  void restoredFromASnapshotItContinuesExactlyAsTheOriginal() {
    int half = SECONDS.length / 2;
    ReorderBuffer<String> original = new ReorderBuffer<>(SETTINGS);
    feed(original, 0, half);
    State<String> snapshot = Snapshots.roundTrip(original.state(), new TypeReference<State<String>>() {});
    assertEquals(original.state(), snapshot, "the state survives JSON");

    ReorderBuffer<String> restored = ReorderBuffer.restore(SETTINGS, snapshot);
    List<Output<String>> expected = feed(original, half, SECONDS.length);
    assertEquals(expected, feed(restored, half, SECONDS.length));
    assertEquals(original.state(), restored.state());
  }
}
