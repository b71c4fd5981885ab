package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.twinworks.persistence.TwinCursor;
import io.twinworks.persistence.TwinEntry;
import io.twinworks.persistence.TwinPage;
import io.twinworks.persistence.TwinQuery;
import io.twinworks.persistence.TwinRegistry;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;

/**
 * {@link TwinRegistry} on three denormalized tables: {@code twins} (by id), {@code twins_by_tenant} and
 * {@code twins_by_tenant_kind} (clustered by id, so a tenant's twins page in id order and an id prefix is a
 * clustering range), plus {@code tenants} to walk tenants when no tenant is given. Tenants are kept as
 * {@code "<tenant>:"}, whose order is the order of their twins' ids ("acme2:" sorts before "acme:").
 *
 * <p>No read before write, and still first-seen only moves back and last-seen only forward, whatever order
 * updates arrive in: Cassandra keeps, per column, the value with the highest write timestamp. The last-seen
 * columns (and kind) are written {@code USING TIMESTAMP} = last-seen in epoch microseconds, so the latest sighting
 * wins; the first-seen columns by a separate statement {@code USING TIMESTAMP} = {@code Long.MAX_VALUE / 2} minus
 * first-seen in microseconds, so the earliest wins. On equal timestamps (the same microsecond) Cassandra keeps the
 * larger value, which for the nanosecond columns is the later last-seen; first-seen stores {@code 999999999 - nanos}
 * so that the larger value is the earlier one. Writing the same entries again is idempotent.
 *
 * <p>A partition per tenant holds 100k+ twins comfortably (about 100 bytes a row). An update is several
 * unlogged statements; when one fails the stage fails and the caller registers again, which repairs the rest.
 */
public final class CassandraTwinRegistry implements TwinRegistry {

  private static final long FIRST_SEEN_BASE = Long.MAX_VALUE / 2;
  private static final int MAX_NANOS = 999_999_999;
  /** Requests of a last-seen flush out at once. */
  private static final int TOUCH_REQUESTS = 2;
  /** A last-seen row's columns beside its id, tenant and kind. */
  private static final int ROW_BYTES = 40;
  private static final String HIGH = "\uffff";
  private static final String COLUMNS = "first_seen, first_seen_nanos_rev, last_seen, last_seen_nanos";

  private final CqlSession session;
  private final AsyncLimiter limiter;
  /**
   * Last-seen flushes come every few seconds for every twin seen meanwhile (three rows each): sent one request a
   * row they reached the store's limiter as a burst ahead of the ingest's writes; grouped they are a few requests,
   * at most {@value #TOUCH_REQUESTS} out at once.
   */
  private final GroupedWrites touches;
  private final PreparedStatement lastById;
  private final PreparedStatement firstById;
  private final PreparedStatement lastByTenant;
  private final PreparedStatement firstByTenant;
  private final PreparedStatement lastByKind;
  private final PreparedStatement firstByKind;
  private final PreparedStatement insertTenant;
  private final PreparedStatement find;
  private final PreparedStatement tenants;
  private final PreparedStatement tenantsInRange;
  private final PreparedStatement pageByTenant;
  private final PreparedStatement pageByKind;
  private final PreparedStatement countTenant;

  CassandraTwinRegistry(CqlSession session, String keyspace, AsyncLimiter limiter) {
    this.session = session;
    this.limiter = limiter;
    this.touches = new GroupedWrites(session, limiter, CassandraHistoryStore.GROUP_PARTITIONS,
        CassandraHistoryStore.GROUP_BYTES, TOUCH_REQUESTS);
    String ks = keyspace + ".";
    lastById = session.prepare("INSERT INTO " + ks + "twins (id, kind, tenant, last_seen, last_seen_nanos) "
        + "VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
    firstById = session.prepare("INSERT INTO " + ks + "twins (id, first_seen, first_seen_nanos_rev) "
        + "VALUES (?, ?, ?) USING TIMESTAMP ?");
    lastByTenant = session.prepare("INSERT INTO " + ks + "twins_by_tenant (tenant, id, kind, last_seen, "
        + "last_seen_nanos) VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
    firstByTenant = session.prepare("INSERT INTO " + ks + "twins_by_tenant (tenant, id, first_seen, "
        + "first_seen_nanos_rev) VALUES (?, ?, ?, ?) USING TIMESTAMP ?");
    lastByKind = session.prepare("INSERT INTO " + ks + "twins_by_tenant_kind (tenant, kind, id, last_seen, "
        + "last_seen_nanos) VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
    firstByKind = session.prepare("INSERT INTO " + ks + "twins_by_tenant_kind (tenant, kind, id, first_seen, "
        + "first_seen_nanos_rev) VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
    insertTenant = session.prepare("INSERT INTO " + ks + "tenants (shard, id_prefix) VALUES (0, ?)");
    find = session.prepare("SELECT id, kind, tenant, " + COLUMNS + " FROM " + ks + "twins WHERE id = ?");
    tenants = session.prepare("SELECT id_prefix FROM " + ks + "tenants WHERE shard = 0 AND id_prefix >= ?");
    tenantsInRange = session.prepare("SELECT id_prefix FROM " + ks + "tenants WHERE shard = 0 "
        + "AND id_prefix >= ? AND id_prefix < ?");
    pageByTenant = session.prepare("SELECT id, kind, tenant, " + COLUMNS + " FROM " + ks + "twins_by_tenant "
        + "WHERE tenant = ? AND id >= ? AND id < ? LIMIT ?");
    pageByKind = session.prepare("SELECT id, kind, tenant, " + COLUMNS + " FROM " + ks + "twins_by_tenant_kind "
        + "WHERE tenant = ? AND kind = ? AND id >= ? AND id < ? LIMIT ?");
    countTenant = session.prepare("SELECT COUNT(*) FROM " + ks + "twins_by_tenant WHERE tenant = ?");
  }

  @Override
  public CompletionStage<Done> register(List<TwinEntry> entries) {
    List<Supplier<? extends CompletionStage<?>>> writes = new ArrayList<>();
    Set<String> tenantPrefixes = new LinkedHashSet<>();
    for (TwinEntry e : entries) {
      tenantPrefixes.add(e.tenant() + ":");
      for (BoundStatement statement : statements(e)) {
        writes.add(() -> session.executeAsync(statement));
      }
    }
    tenantPrefixes.forEach(prefix -> writes.add(() -> session.executeAsync(insertTenant.bind(prefix))));
    @SuppressWarnings({"unchecked", "rawtypes"})
    CompletionStage<Done> all = limiter.all((List) writes);
    return Rows.describe(all, "registering " + entries.size() + " twins");
  }

  /** Only the last-seen columns: three writes a twin instead of six. */
  @Override
  public CompletionStage<Done> touch(List<TwinEntry> entries) {
    List<GroupedWrites.Insert> writes = new ArrayList<>(entries.size() * 3);
    for (TwinEntry e : entries) {
      List<BoundStatement> statements = lastSeenStatements(e);
      int bytes = e.id().value().length() + e.tenant().length() + e.kind().id().length() + ROW_BYTES;
      writes.add(new GroupedWrites.Insert(List.of("twins", e.id().value()), bytes, statements.get(0)));
      writes.add(new GroupedWrites.Insert(List.of("by_tenant", e.tenant()), bytes, statements.get(1)));
      writes.add(new GroupedWrites.Insert(List.of("by_kind", e.tenant(), e.kind().id()), bytes, statements.get(2)));
    }
    return Rows.describe(touches.write(writes), "updating the last-seen time of " + entries.size() + " twins");
  }

  @Override
  public CompletionStage<Optional<TwinEntry>> find(TwinId id) {
    return Rows.describe(session.executeAsync(find.bind(id.value()))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(this::entry)),
        "finding twin " + id);
  }

  @Override
  public CompletionStage<TwinPage> list(TwinQuery query) {
    Optional<String> prefix = effectivePrefix(query);
    if (prefix.isPresent() && prefix.get().isEmpty()) {
      return CompletableFuture.completedFuture(new TwinPage(List.of(), Optional.empty()));
    }
    Optional<String> after = query.cursor().map(c -> TwinCursor.decode(c).value());
    CompletionStage<List<String>> tenantPrefixes;
    if (prefix.isPresent() && prefix.get().contains(":")) {
      String p = prefix.get();
      tenantPrefixes = CompletableFuture.completedFuture(List.of(p.substring(0, p.indexOf(':') + 1)));
    } else {
      String from = after.map(id -> id.substring(0, id.indexOf(':') + 1)).orElse("");
      tenantPrefixes = prefix.isPresent()
          ? Rows.all(session, tenantsInRange.bind(max(from, prefix.get()), prefix.get() + HIGH), Integer.MAX_VALUE,
              row -> row.getString(0))
          : Rows.all(session, tenants.bind(from), Integer.MAX_VALUE, row -> row.getString(0));
    }
    List<TwinEntry> items = new ArrayList<>();
    // Ids have no NUL, so "id >= last + NUL" is "id > last", and one statement serves the prefix and the cursor.
    String low = max(after.map(id -> id + "\u0000").orElse(""), prefix.orElse(""));
    String high = prefix.map(p -> p + HIGH).orElse(HIGH);
    return Rows.describe(tenantPrefixes.thenCompose(ts -> pageFrom(ts, 0, query, low, high, items))
        .thenApply(done -> page(items, query.limit())), "listing twins");
  }

  @Override
  public CompletionStage<Long> count() {
    CompletionStage<List<String>> all = Rows.all(session, tenants.bind(""), Integer.MAX_VALUE, r -> r.getString(0));
    return Rows.describe(all.thenCompose(prefixes -> {
      List<CompletableFuture<Long>> counts = prefixes.stream()
          .map(p -> limiter.submit(() -> session.executeAsync(countTenant.bind(p.substring(0, p.length() - 1))))
              .thenApply(rs -> rs.one().getLong(0)).toCompletableFuture())
          .toList();
      return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
          .thenApply(v -> counts.stream().mapToLong(CompletableFuture::join).sum());
    }), "counting twins");
  }

  private List<BoundStatement> statements(TwinEntry e) {
    String id = e.id().value();
    String kind = e.kind().id();
    Instant firstMillis = e.firstSeen().truncatedTo(ChronoUnit.MILLIS);
    int firstNanosRev = MAX_NANOS - e.firstSeen().getNano();
    long firstTs = FIRST_SEEN_BASE - micros(e.firstSeen());
    List<BoundStatement> statements = new ArrayList<>(lastSeenStatements(e));
    statements.add(firstById.bind(id, firstMillis, firstNanosRev, firstTs));
    statements.add(firstByTenant.bind(e.tenant(), id, firstMillis, firstNanosRev, firstTs));
    statements.add(firstByKind.bind(e.tenant(), kind, id, firstMillis, firstNanosRev, firstTs));
    return statements;
  }

  private List<BoundStatement> lastSeenStatements(TwinEntry e) {
    String id = e.id().value();
    String kind = e.kind().id();
    Instant lastMillis = e.lastSeen().truncatedTo(ChronoUnit.MILLIS);
    int lastNanos = e.lastSeen().getNano();
    long lastTs = micros(e.lastSeen());
    return List.of(
        lastById.bind(id, kind, e.tenant(), lastMillis, lastNanos, lastTs),
        lastByTenant.bind(e.tenant(), id, kind, lastMillis, lastNanos, lastTs),
        lastByKind.bind(e.tenant(), kind, id, lastMillis, lastNanos, lastTs));
  }

  /** Fills {@code items} with up to limit + 1 twins, tenant after tenant. */
  private CompletionStage<Void> pageFrom(List<String> tenantPrefixes, int index, TwinQuery query, String low,
      String high, List<TwinEntry> items) {
    int wanted = query.limit() + 1 - items.size();
    if (wanted <= 0 || index >= tenantPrefixes.size()) {
      return CompletableFuture.completedFuture(null);
    }
    String tenantPrefix = tenantPrefixes.get(index);
    String tenant = tenantPrefix.substring(0, tenantPrefix.length() - 1);
    BoundStatement select = query.kind()
        .map(kind -> pageByKind.bind(tenant, kind.id(), low, high, wanted))
        .orElseGet(() -> pageByTenant.bind(tenant, low, high, wanted));
    return Rows.matching(session, select, wanted, this::entry, Objects::nonNull).thenCompose(rows -> {
      items.addAll(rows);
      return pageFrom(tenantPrefixes, index + 1, query, low, high, items);
    });
  }

  private static TwinPage page(List<TwinEntry> items, int limit) {
    if (items.size() <= limit) {
      return new TwinPage(items, Optional.empty());
    }
    List<TwinEntry> page = items.subList(0, limit);
    return new TwinPage(page, Optional.of(TwinCursor.encode(page.get(limit - 1).id())));
  }

  /**
   * The twin of a row, or null while its registration is half written: its first-seen and last-seen columns are
   * written by separate statements, in any order. Without the last-seen write (which carries the kind) it is not
   * there yet; without the first-seen write, its first sighting is its last so far.
   */
  private TwinEntry entry(Row row) {
    if (row.isNull("kind") || row.isNull("last_seen")) {
      return null;
    }
    Instant last = Instant.ofEpochSecond(row.getInstant("last_seen").getEpochSecond(), row.getInt("last_seen_nanos"));
    Instant first = row.isNull("first_seen") ? last : Instant.ofEpochSecond(
        row.getInstant("first_seen").getEpochSecond(), MAX_NANOS - row.getInt("first_seen_nanos_rev"));
    return new TwinEntry(TwinId.of(row.getString("id")), TwinKind.of(row.getString("kind")),
        row.getString("tenant") != null ? row.getString("tenant") : TwinId.of(row.getString("id")).tenant(),
        first, last);
  }

  /**
   * The id prefix that both the tenant and the prefix filter allow; empty when they contradict, absent when
   * neither is set (the same rule as the JDBC registry's).
   */
  static Optional<String> effectivePrefix(TwinQuery query) {
    Optional<String> tenantPrefix = query.tenant().map(t -> t + ":");
    if (tenantPrefix.isEmpty() || query.prefix().isEmpty()) {
      return tenantPrefix.or(query::prefix);
    }
    String tenant = tenantPrefix.get();
    String prefix = query.prefix().get();
    if (prefix.startsWith(tenant)) {
      return Optional.of(prefix);
    }
    return Optional.of(tenant.startsWith(prefix) ? tenant : "");
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
