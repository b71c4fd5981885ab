package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every twin registry must do; each store's test class supplies an empty registry per test. */
public abstract class TwinRegistryContract {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456789Z");

  /** The registry under test, empty at the start of each test. */
  protected abstract TwinRegistry registry();

  @Test
  void upsertKeepsEarliestFirstSeenAndLatestLastSeen() {
    TwinId id = TwinId.of("acme:p1:r1:pk7");
    await(registry().register(List.of(TwinEntry.of(id, TwinKind.BATTERY_PACK, T0, T0.plusSeconds(10)))));
    await(registry().register(List.of(TwinEntry.of(id, TwinKind.BATTERY_PACK, T0.plusSeconds(5), T0.plusSeconds(5)))));
    assertEquals(Optional.of(TwinEntry.of(id, TwinKind.BATTERY_PACK, T0, T0.plusSeconds(10))), await(registry().find(id)));

    await(registry().register(List.of(TwinEntry.of(id, TwinKind.BATTERY_PACK, T0.minusSeconds(1), T0.plusSeconds(20)))));
    TwinEntry entry = await(registry().find(id)).orElseThrow();
    assertEquals(T0.minusSeconds(1), entry.firstSeen());
    assertEquals(T0.plusSeconds(20), entry.lastSeen());
    assertEquals("acme", entry.tenant());
    assertEquals(1L, await(registry().count()));
  }

  @Test
  void touchMovesLastSeenForwardOnlyAndKeepsFirstSeen() {
    TwinId id = TwinId.of("acme:line1:press1");
    await(registry().register(List.of(TwinEntry.of(id, TwinKind.MACHINE, T0, T0.plusSeconds(10)))));
    await(registry().touch(List.of(TwinEntry.of(id, TwinKind.MACHINE, T0.plusSeconds(30), T0.plusSeconds(30)))));
    assertEquals(Optional.of(TwinEntry.of(id, TwinKind.MACHINE, T0, T0.plusSeconds(30))), await(registry().find(id)));

    await(registry().touch(List.of(TwinEntry.of(id, TwinKind.MACHINE, T0.plusSeconds(20), T0.plusSeconds(20)))));
    assertEquals(T0.plusSeconds(30), await(registry().find(id)).orElseThrow().lastSeen(), "never back");
    assertEquals(List.of("acme:line1:press1"), ids(TwinQuery.all(100).withTenant("acme").withKind(TwinKind.MACHINE)));
  }

  @Test
  void sameTwinTwiceInOneBatchKeepsTheMax() {
    TwinId id = TwinId.of("default:line1:cnc01");
    await(registry().register(List.of(
        TwinEntry.seen(id, TwinKind.MACHINE, T0.plusSeconds(3)),
        TwinEntry.seen(id, TwinKind.MACHINE, T0.plusSeconds(1)))));
    TwinEntry entry = await(registry().find(id)).orElseThrow();
    assertEquals(T0.plusSeconds(1), entry.firstSeen());
    assertEquals(T0.plusSeconds(3), entry.lastSeen());
  }

  @Test
  void findUnknownIsEmpty() {
    assertEquals(Optional.empty(), await(registry().find(TwinId.of("acme:nope"))));
  }

  @Test
  void listsByTenantKindAndPrefix() {
    await(registry().register(List.of(
        seen("acme:p1:r1:pk1", TwinKind.BATTERY_PACK),
        seen("acme:p1:r1:pk2", TwinKind.BATTERY_PACK),
        seen("acme:line1:cnc01", TwinKind.MACHINE),
        seen("acme2:line1:cnc01", TwinKind.MACHINE),
        seen("default:TEMP-01", TwinKind.SENSOR),
        seen("default:line1:cnc01", TwinKind.MACHINE))));

    assertEquals(List.of("acme:line1:cnc01", "acme:p1:r1:pk1", "acme:p1:r1:pk2"),
        ids(TwinQuery.all(100).withTenant("acme")));
    assertEquals(List.of("acme2:line1:cnc01", "acme:line1:cnc01", "default:line1:cnc01"),
        ids(TwinQuery.all(100).withKind(TwinKind.MACHINE)));
    assertEquals(List.of("acme:p1:r1:pk1", "acme:p1:r1:pk2"), ids(TwinQuery.all(100).withPrefix("acme:p1:")));
    assertEquals(List.of("acme:line1:cnc01"),
        ids(TwinQuery.all(100).withTenant("acme").withKind(TwinKind.MACHINE)));
    assertEquals(List.of("acme:p1:r1:pk2"), ids(TwinQuery.all(100).withTenant("acme").withPrefix("acme:p1:r1:pk2")));
    assertEquals(List.of("acme:line1:cnc01", "acme:p1:r1:pk1", "acme:p1:r1:pk2"),
        ids(TwinQuery.all(100).withTenant("acme").withPrefix("ac")));
    assertEquals(List.of(), ids(TwinQuery.all(100).withTenant("acme").withPrefix("default:")));
    assertEquals(List.of(), ids(TwinQuery.all(100).withTenant("ac")));
    assertEquals(List.of("default:TEMP-01"), ids(TwinQuery.all(100).withKind(TwinKind.SENSOR)));
  }

  @Test
  void prefixCharactersAreLiteral() {
    await(registry().register(List.of(
        seen("acme:a_b:x", TwinKind.SENSOR),
        seen("acme:aXb:x", TwinKind.SENSOR),
        seen("acme:a.b:x", TwinKind.SENSOR),
        seen("acme:a-b:x", TwinKind.SENSOR))));
    assertEquals(List.of("acme:a_b:x"), ids(TwinQuery.all(10).withPrefix("acme:a_")));
    assertEquals(List.of("acme:a.b:x"), ids(TwinQuery.all(10).withPrefix("acme:a.")));
    assertEquals(List.of(), ids(TwinQuery.all(10).withPrefix("acme:a%")));
    assertEquals(List.of(), ids(TwinQuery.all(10).withPrefix("acme:a*")));
  }

  @Test
  void pagesThroughEveryTwinExactlyOnceInOrder() {
    List<TwinEntry> entries = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      TwinKind kind = TwinKind.values()[i % 3];
      entries.add(seen("t" + (i % 4) + ":line:" + i, kind));
    }
    await(registry().register(entries));
    List<String> expected = entries.stream().map(e -> e.id().value()).sorted().toList();

    List<String> seen = new ArrayList<>();
    int pages = 0;
    Optional<String> cursor = Optional.empty();
    do {
      TwinPage page = await(registry().list(TwinQuery.all(100).withCursor(cursor)));
      page.items().forEach(e -> seen.add(e.id().value()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent());
    assertEquals(expected, seen);
    assertEquals(25, pages);

    List<String> sensors = pageAll(TwinQuery.all(100).withKind(TwinKind.SENSOR));
    assertEquals(expected.stream().filter(id -> Integer.parseInt(id.substring(id.lastIndexOf(':') + 1)) % 3 == 0)
        .toList(), sensors);
    assertEquals(expected.stream().filter(id -> id.startsWith("t2:")).toList(), pageAll(TwinQuery.all(100).withTenant("t2")));
  }

  @Test
  void rejectsBadLimitsTenantsAndCursors() {
    assertThrows(IllegalArgumentException.class, () -> TwinQuery.all(0));
    assertThrows(IllegalArgumentException.class, () -> TwinQuery.all(1001));
    assertThrows(IllegalArgumentException.class, () -> TwinQuery.all(10).withCursor(Optional.of("not base64!")));
    assertThrows(IllegalArgumentException.class, () -> TwinQuery.all(10).withCursor(Optional.of("aGVsbG8")));
    assertThrows(IllegalArgumentException.class, () -> TwinQuery.all(10).withTenant("acme:p1"));
    assertThrows(IllegalArgumentException.class,
        () -> new TwinEntry(TwinId.of("acme:x"), TwinKind.SENSOR, "other", T0, T0));
    TwinId id = TwinId.of("acme:x_y");
    assertEquals(id, TwinCursor.decode(TwinCursor.encode(id)));
  }

  private List<String> pageAll(TwinQuery first) {
    List<String> ids = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      TwinPage page = await(registry().list(first.withCursor(cursor)));
      page.items().forEach(e -> ids.add(e.id().value()));
      assertTrue(page.items().size() <= first.limit());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return ids;
  }

  private List<String> ids(TwinQuery query) {
    TwinPage page = await(registry().list(query));
    return page.items().stream().map(e -> e.id().value()).toList();
  }

  private static TwinEntry seen(String id, TwinKind kind) {
    return TwinEntry.seen(TwinId.of(id), kind, T0);
  }
}
