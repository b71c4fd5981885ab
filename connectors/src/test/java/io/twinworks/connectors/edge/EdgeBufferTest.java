package io.twinworks.connectors.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.connectors.edge.EdgeBuffer.Entry;
import io.twinworks.connectors.edge.EdgeBuffer.Message;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store-and-forward buffer on a real SQLite file: order, durability across reopen, and its bound. */
class EdgeBufferTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  /** 30 bytes: topic 10 + origin 10 + readings JSON 10. */
  private static Entry entry(int n) {
    return new Entry("edge/t/" + String.format("%03d", n), "origin" + String.format("%04d", n),
        "[" + String.format("%08d", n) + "]", 2);
  }

  @Test
  void messagesComeOutOldestFirstWithRisingSeqAndAreRemovedThroughASeq() {
    try (EdgeBuffer buffer = EdgeBuffer.open(dir.resolve("b.db"), 1_000_000, CLOCK)) {
      buffer.append(List.of(entry(1), entry(2)));
      buffer.append(List.of(entry(3)));
      List<Message> all = buffer.oldest(10);
      assertEquals(List.of(1L, 2L, 3L), all.stream().map(Message::seq).toList());
      assertEquals("[00000002]", all.get(1).readingsJson());
      assertEquals(List.of(1L, 2L), buffer.oldest(2).stream().map(Message::seq).toList());

      buffer.removeThrough(2);
      assertEquals(List.of(3L), buffer.oldest(10).stream().map(Message::seq).toList());
      // one message of 2 readings and 30 bytes left, buffered at the clock's time
      assertEquals(new EdgeBuffer.Stats(1, 2, 30, 0, Optional.of(CLOCK.instant())), buffer.stats());
    }
  }

  @Test
  void whatWasAppendedSurvivesAReopenAndSeqKeepsRising() {
    Path file = dir.resolve("b.db");
    try (EdgeBuffer buffer = EdgeBuffer.open(file, 1_000_000, CLOCK)) {
      buffer.append(List.of(entry(1), entry(2), entry(3)));
      buffer.removeThrough(3);
      buffer.append(List.of(entry(4)));
    }
    try (EdgeBuffer reopened = EdgeBuffer.open(file, 1_000_000, CLOCK)) {
      assertEquals(new EdgeBuffer.Stats(1, 2, 30, 0, Optional.of(CLOCK.instant())), reopened.stats());
      reopened.removeThrough(4);
      reopened.append(List.of(entry(5)));
      // seq 5, not 1: a sequence number is never given twice, even after everything was forwarded
      assertEquals(List.of(5L), reopened.oldest(10).stream().map(Message::seq).toList());
    }
  }

  @Test
  void theBoundDropsTheOldestAndCountsTheirReadings() {
    Path file = dir.resolve("b.db");
    // 100 bytes hold 3 messages of 30 bytes
    try (EdgeBuffer buffer = EdgeBuffer.open(file, 100, CLOCK)) {
      buffer.append(List.of(entry(1), entry(2), entry(3)));
      buffer.append(List.of(entry(4), entry(5)));
      // 5 × 30 = 150 > 100: messages 1 and 2 dropped (2 readings each)
      assertEquals(List.of(3L, 4L, 5L), buffer.oldest(10).stream().map(Message::seq).toList());
      assertEquals(4, buffer.stats().droppedReadings());
      assertEquals(90, buffer.stats().bytes());
    }
    try (EdgeBuffer reopened = EdgeBuffer.open(file, 100, CLOCK)) {
      assertEquals(4, reopened.stats().droppedReadings(), "the dropped count is durable too");
    }
  }

  @Test
  void anEmptyBufferHasNoOldest() {
    try (EdgeBuffer buffer = EdgeBuffer.open(dir.resolve("sub/dir/b.db"), 100, CLOCK)) {
      assertEquals(new EdgeBuffer.Stats(0, 0, 0, 0, Optional.empty()), buffer.stats());
      assertTrue(buffer.oldest(5).isEmpty());
    }
  }
}
