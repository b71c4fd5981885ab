package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.await;
import static io.twinworks.persistence.TestStores.closeWhenIdle;
import static io.twinworks.persistence.TestStores.embeddedConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcDeadLetterStoreTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path dir;
  private final ExecutorService blocking = Executors.newFixedThreadPool(4);
  private EmbeddedStore store;

  @AfterEach
  void close() {
    closeWhenIdle(store, blocking);
  }

  @Test
  void recordsAndReadsNewestFirst() {
    DeadLetterStore deadLetters = open(100000);
    for (int i = 0; i < 5; i++) {
      await(deadLetters.record(letter(i)));
    }
    assertEquals(5L, await(deadLetters.count()));
    assertEquals(List.of(letter(4), letter(3), letter(2)), await(deadLetters.recent(3)));
    assertEquals(5, await(deadLetters.recent(1000)).size());
  }

  @Test
  void keepsWhatDeadLetterOfKeeps() {
    DeadLetterStore deadLetters = open(10);
    DeadLetter big = DeadLetter.of(T0, "factory/l1/m1/telemetry", "not JSON: unexpected 'x'",
        "x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    DeadLetter empty = new DeadLetter(T0, null, "empty", null, 0);
    await(deadLetters.record(big));
    await(deadLetters.record(empty));
    assertEquals(List.of(empty, big), await(deadLetters.recent(10)));
  }

  @Test
  void rejectsLimitsOutOfRange() {
    DeadLetterStore deadLetters = open(10);
    ExecutionException zero = assertThrows(ExecutionException.class,
        () -> deadLetters.recent(0).toCompletableFuture().get());
    assertTrue(zero.getCause() instanceof IllegalArgumentException);
    assertThrows(ExecutionException.class, () -> deadLetters.recent(1001).toCompletableFuture().get());
  }

  @Test
  void retentionKeepsTheNewestMaxRows() {
    JdbcDeadLetterStore deadLetters = (JdbcDeadLetterStore) open(50);
    assertEquals(5, deadLetters.pruneEvery());
    for (int i = 0; i < 503; i++) {
      await(deadLetters.record(letter(i)));
    }
    long beforePrune = await(deadLetters.count());
    assertTrue(beforePrune <= 100, "background prunes keep the table near max-rows, had " + beforePrune);
    await(deadLetters.prune());
    assertEquals(50L, await(deadLetters.count()));
    assertEquals(IntStream.iterate(502, i -> i - 1).limit(50).mapToObj(JdbcDeadLetterStoreTest::letter).toList(),
        await(deadLetters.recent(1000)));
  }

  @Test
  void pruneDeletesInBatchesAndOnOpen() {
    DeadLetterStore deadLetters = open(100_000);
    for (int i = 0; i < 12_000; i += 1000) {
      int from = i;
      IntStream.range(from, from + 1000).mapToObj(n -> deadLetters.record(letter(n)))
          .toList().forEach(TestStores::await);
    }
    store.close();
    store = null;
    DeadLetterStore reopened = open(100);
    assertEquals(100L, await(reopened.count()));
    List<DeadLetter> recent = await(reopened.recent(100));
    assertEquals(100, recent.stream().map(DeadLetter::source).distinct().count());
  }

  private DeadLetterStore open(int maxRows) {
    store = EmbeddedStore.open(embeddedConfig(dir, "twinworks.dead-letters.max-rows = " + maxRows), blocking);
    return store.deadLetters();
  }

  private static DeadLetter letter(int i) {
    return new DeadLetter(T0.plusMillis(i), "sensors/s" + i + "/data", "bad number", "{\"v\":x" + i + "}", 7);
  }
}
