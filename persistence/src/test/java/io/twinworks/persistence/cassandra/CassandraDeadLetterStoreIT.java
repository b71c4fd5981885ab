package io.twinworks.persistence.cassandra;

import static io.twinworks.persistence.cassandra.CassandraTestConfig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.Row;
import io.twinworks.persistence.DeadLetterStore;
import io.twinworks.testsupport.CassandraFixture;
import io.twinworks.twins.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dead letters on a real Cassandra: newest first across day partitions, bounded by the TTL. */
class CassandraDeadLetterStoreIT {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final int TTL_SECONDS = 3 * 86_400;

  private static CassandraStore store;

  @BeforeAll
  static void open() {
    store = CassandraStore.open(CassandraTestConfig.config(CASSANDRA.node(), "dead_letters_it",
        "twinworks.cassandra.dead-letter-ttl = 3d"));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @BeforeEach
  void empty() {
    store.session().execute("TRUNCATE dead_letters_it.dead_letters");
  }

  @Test
  void recordsAndReadsNewestFirstWithATtl() {
    DeadLetterStore deadLetters = store.deadLetters();
    for (int i = 0; i < 5; i++) {
      await(deadLetters.record(letter(i)));
    }
    assertEquals(5L, await(deadLetters.count()));
    assertEquals(List.of(letter(4), letter(3), letter(2)), await(deadLetters.recent(3)));
    assertEquals(5, await(deadLetters.recent(1000)).size());
    Row ttl = store.session().execute("SELECT TTL(reason) FROM dead_letters_it.dead_letters LIMIT 1").one();
    assertTrue(ttl.getInt(0) > TTL_SECONDS - 60 && ttl.getInt(0) <= TTL_SECONDS, "TTL was " + ttl.getInt(0));
  }

  @Test
  void walksBackDayPartitionsUpToTheTtl() {
    Instant now = Instant.now();
    for (int daysAgo : List.of(5, 2, 1, 0)) {
      CassandraDeadLetterStore atDay = dayStore(now.minus(daysAgo, ChronoUnit.DAYS));
      await(atDay.record(letter(100 - daysAgo)));
    }
    // Five days back is past the 3-day TTL: a live row there would be a leftover, and is not read.
    assertEquals(List.of(letter(100), letter(99), letter(98)), await(store.deadLetters().recent(10)));
    assertEquals(List.of(letter(100), letter(99)), await(store.deadLetters().recent(2)));
    assertEquals(3L, await(store.deadLetters().count()));
  }

  @Test
  void keepsNanosNullsAndCutsLongText() {
    DeadLetter big = DeadLetter.of(T0.plusNanos(123_456_789), "factory/l1/m1/telemetry", "not JSON: unexpected 'x'",
        "x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    DeadLetter empty = new DeadLetter(T0, null, "empty", null, 0);
    await(store.deadLetters().record(big));
    await(store.deadLetters().record(empty));
    assertEquals(List.of(empty, big), await(store.deadLetters().recent(10)));
    DeadLetter huge = new DeadLetter(T0, "s".repeat(5000), "r", "p".repeat(20_000), 20_000);
    await(store.deadLetters().record(huge));
    DeadLetter stored = await(store.deadLetters().recent(1)).get(0);
    assertEquals(CassandraDeadLetterStore.MAX_SOURCE_CHARS, stored.source().length());
    assertEquals(CassandraDeadLetterStore.MAX_PAYLOAD_CHARS, stored.payload().length());
  }

  @Test
  void rejectsLimitsOutOfRange() {
    ExecutionException zero = assertThrows(ExecutionException.class,
        () -> store.deadLetters().recent(0).toCompletableFuture().get());
    assertTrue(zero.getCause() instanceof IllegalArgumentException);
    assertThrows(ExecutionException.class, () -> store.deadLetters().recent(1001).toCompletableFuture().get());
  }

  private static CassandraDeadLetterStore dayStore(Instant at) {
    return new CassandraDeadLetterStore(store.session(), "dead_letters_it", TTL_SECONDS, Clock.fixed(at, ZoneOffset.UTC));
  }

  private static DeadLetter letter(int i) {
    return new DeadLetter(T0.plusMillis(i), "sensors/s" + i + "/data", "bad number", "{\"v\":x" + i + "}", 7);
  }
}
