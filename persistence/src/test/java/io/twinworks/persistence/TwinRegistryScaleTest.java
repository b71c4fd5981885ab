package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.await;
import static io.twinworks.persistence.TestStores.embeddedConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100,000 twins: every query shape reads an index in id order instead of scanning and sorting. */
class TwinRegistryScaleTest {

  private static final int TWINS = 100_000;
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir static Path dir;
  private static ExecutorService blocking;
  private static EmbeddedStore store;

  @BeforeAll
  static void registerMany() {
    blocking = Executors.newFixedThreadPool(4);
    store = EmbeddedStore.open(embeddedConfig(dir), blocking);
    List<TwinEntry> entries = new ArrayList<>(TWINS);
    for (int i = 0; i < TWINS; i++) {
      entries.add(TwinEntry.seen(id(i), TwinKind.values()[i % 3], T0.plusSeconds(i)));
    }
    await(store.registry().register(entries));
  }

  @AfterAll
  static void close() {
    store.close();
    blocking.shutdownNow();
  }

  @Test
  void countsAndPagesThroughAll() {
    assertEquals((long) TWINS, await(store.registry().count()));
    int seen = 0;
    String previous = "";
    Optional<String> cursor = Optional.empty();
    do {
      TwinPage page = await(store.registry().list(TwinQuery.all(1000).withCursor(cursor)));
      for (TwinEntry e : page.items()) {
        assertTrue(e.id().value().compareTo(previous) > 0);
        previous = e.id().value();
        seen++;
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    assertEquals(TWINS, seen);
  }

  @Test
  void filtersFindTheRightTwins() {
    TwinPage tenant = await(store.registry().list(TwinQuery.all(1000).withTenant("t7")));
    assertEquals(1000, tenant.items().size());
    assertTrue(tenant.items().stream().allMatch(e -> e.tenant().equals("t7")));
    TwinPage plant = await(store.registry().list(TwinQuery.all(1000).withPrefix("t3:plant1:")));
    assertEquals(1000, plant.items().size());
    assertTrue(plant.nextCursor().isPresent());
    assertEquals(Optional.of(TwinEntry.seen(id(99_999), TwinKind.SENSOR, T0.plusSeconds(99_999))),
        await(store.registry().find(id(99_999))));
  }

  @Test
  void everyQueryShapeUsesAnIndex() throws Exception {
    String cursor = TwinCursor.encode(id(500));
    List<TwinQuery> shapes = List.of(
        TwinQuery.all(100),
        TwinQuery.all(100).withCursor(Optional.of(cursor)),
        TwinQuery.all(100).withTenant("t5").withCursor(Optional.of(cursor)),
        TwinQuery.all(100).withKind(TwinKind.MACHINE).withCursor(Optional.of(cursor)),
        TwinQuery.all(100).withPrefix("t3:plant1:").withKind(TwinKind.SENSOR),
        TwinQuery.all(100).withTenant("t5").withKind(TwinKind.MACHINE));
    try (Connection c = store.dataSource().getConnection()) {
      for (TwinQuery query : shapes) {
        TwinListing listing = TwinListing.of(query);
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + listing.sql())) {
          listing.bind(ps, 101);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            String plan = rs.getString(1);
            assertFalse(plan.contains("tableScan"), plan);
            assertTrue(plan.contains("index sorted"), plan);
          }
        }
      }
    }
  }

  private static TwinId id(int i) {
    return TwinId.of("t" + (i % 10), "plant" + (i % 7), "twin" + i);
  }
}
