package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.twinworks.persistence.alert.AlertCodec;
import io.twinworks.persistence.alert.AlertCursor;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.AlertPage;
import io.twinworks.persistence.alert.AlertQuery;
import io.twinworks.persistence.alert.AlertSettings;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.pekko.Done;

/**
 * {@link AlertLog} on Cassandra (tables in {@code 004-alerts.cql}).
 *
 * <p><b>Changes</b> go to {@code alert_log}, partitioned by scope and {@code seq / }{@value #BUCKET_SIZE}: scope
 * {@code '*'} holds every change, scope {@code <tenant>} a tenant's and scope {@code <twin id>} a twin's (twin ids
 * have a {@code ':'}, tenants never). {@link #since} reads the highest seq, then walks the buckets of the narrowest
 * scope from {@code afterSeq} up to it in seq order, never past it; a minimum severity is filtered here. A twin's
 * changes are in its own scope from the mark {@code twin-scoped-from} on: the seq of the first append by a Twinworks
 * that writes that scope (schema version 4), set once; older ones are found in the tenant's scope.
 * {@link #appendAll} writes every log row of its changes before the mark
 * {@code last} moves to the highest of them, and the writer starts the next append only after that, so a reader
 * that sees {@code last = n} sees every change up to it.
 *
 * <p><b>Current state</b>: {@code alerts} (by id), {@code alerts_by_scope} (every alert of a tenant and of a twin,
 * newest raised first, state filtered here) and {@code open_alerts_by_scope} (only the active and acknowledged
 * ones, so listing them never reads through the cleared). Every write to these tables uses {@code USING TIMESTAMP
 * seq}: Cassandra keeps the cells of the highest write timestamp, so the change of the highest seq wins whatever
 * order changes arrive in, and the clearing change's delete of the open rows shadows an older raise that arrives
 * late. Without a tenant or twin, {@link #current} merges the pages of every tenant in {@code alert_tenants}.
 *
 * <p><b>Retention</b>: changes and a cleared alert's rows carry the retention as TTL. {@link #purgeOlderThan}
 * deletes what the TTL has not yet: it walks the log from the mark {@code purged} in seq order, deletes the changes
 * appended before the cutoff and the rows of the alerts they cleared, and stops at the first newer change (seq
 * order is append order). It counts the changes and the cleared alerts it deleted.
 *
 * <p>An append is several writes, each step's sent at once through the limiter: the changes' log rows, then the
 * mark, then their current-state rows. Rows are grouped per partition key into unlogged batches of a few KiB (a
 * batch on one partition is one mutation on its replicas; rows of tables that share the key value, such as a
 * scope's two current-state tables, go together). When a write fails the stage fails; the hub reads the mark again
 * and appends from there. So a change whose current state is stored is always readable in the log: a change is
 * skipped when sent again only if its alert's current state equals it (the hub), and a failed append before the
 * mark moved leaves log rows above it, which no reader returns and the next append overwrites.
 */
public final class CassandraAlertLog implements AlertLog {

  static final long BUCKET_SIZE = 10_000;
  static final String ALL = "*";
  // alert_tenants has one partition, shard 0.
  private static final int TENANTS_SHARD = 0;
  // Under Cassandra's batch_size_warn_threshold (5 KiB by default) with room for keys and columns.
  private static final int MAX_BATCH_BYTES = 4 * 1024;
  private static final String LAST = "last";
  private static final String PURGED = "purged";
  private static final int PAGE = 500;
  private static final String SCOPE_COLUMNS = "scope, raised_us, id, state, alert";

  private final CqlSession session;
  private final AsyncLimiter limiter;
  private final AlertSettings settings;
  private final Clock clock;
  private final PreparedStatement insertChange;
  private final PreparedStatement deleteChange;
  private final PreparedStatement changesAfter;
  private final PreparedStatement insertById;
  private final PreparedStatement deleteById;
  private final PreparedStatement insertByScope;
  private final PreparedStatement deleteByScope;
  private final PreparedStatement insertOpen;
  private final PreparedStatement deleteOpen;
  private final PreparedStatement insertTenant;
  private final PreparedStatement tenants;
  private final PreparedStatement writeMark;
  private final PreparedStatement writePurgedMark;
  private final PreparedStatement readMark;
  private final PreparedStatement get;
  private final ScopeReads every;
  private final ScopeReads open;
  private final TwinScopeMark twinScopes;

  /** The first page and the page after a cursor of one of the current-state tables. */
  private record ScopeReads(PreparedStatement first, PreparedStatement after) {

    static ScopeReads of(CqlSession session, String table) {
      String select = "SELECT state, alert FROM " + table + " WHERE scope = ?";
      return new ScopeReads(session.prepare(select), session.prepare(select + " AND (raised_us, id) < (?, ?)"));
    }

    BoundStatement bind(String scope, Optional<AlertCursor> cursor) {
      return cursor.map(c -> after.bind(scope, c.raisedMicros(), c.alertId())).orElseGet(() -> first.bind(scope));
    }
  }

  CassandraAlertLog(CqlSession session, String keyspace, AsyncLimiter limiter, AlertSettings settings, Clock clock) {
    this.session = session;
    this.limiter = limiter;
    this.settings = settings;
    this.clock = clock;
    String ks = keyspace + ".";
    insertChange = session.prepare("INSERT INTO " + ks + "alert_log (scope, bucket, seq, logged_at, alert) "
        + "VALUES (?, ?, ?, ?, ?) USING TTL ?");
    deleteChange = session.prepare("DELETE FROM " + ks + "alert_log WHERE scope = ? AND bucket = ? AND seq = ?");
    changesAfter = session.prepare("SELECT seq, logged_at, alert FROM " + ks + "alert_log "
        + "WHERE scope = ? AND bucket = ? AND seq > ?");
    insertById = session.prepare("INSERT INTO " + ks + "alerts (id, alert) VALUES (?, ?) USING TIMESTAMP ? AND TTL ?");
    deleteById = session.prepare("DELETE FROM " + ks + "alerts USING TIMESTAMP ? WHERE id = ?");
    insertByScope = session.prepare("INSERT INTO " + ks + "alerts_by_scope (" + SCOPE_COLUMNS + ") "
        + "VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ? AND TTL ?");
    deleteByScope = session.prepare("DELETE FROM " + ks + "alerts_by_scope USING TIMESTAMP ? "
        + "WHERE scope = ? AND raised_us = ? AND id = ?");
    insertOpen = session.prepare("INSERT INTO " + ks + "open_alerts_by_scope (" + SCOPE_COLUMNS + ") "
        + "VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
    deleteOpen = session.prepare("DELETE FROM " + ks + "open_alerts_by_scope USING TIMESTAMP ? "
        + "WHERE scope = ? AND raised_us = ? AND id = ?");
    insertTenant = session.prepare("INSERT INTO " + ks + "alert_tenants (shard, tenant) VALUES ("
        + TENANTS_SHARD + ", ?)");
    tenants = session.prepare("SELECT tenant FROM " + ks + "alert_tenants WHERE shard = 0");
    writeMark = session.prepare("INSERT INTO " + ks + "alert_log_marks (name, seq) VALUES (?, ?) USING TIMESTAMP ?");
    writePurgedMark = session.prepare("INSERT INTO " + ks + "alert_log_marks (name, seq) VALUES ('" + PURGED + "', ?)");
    readMark = session.prepare("SELECT seq FROM " + ks + "alert_log_marks WHERE name = ?");
    twinScopes = new TwinScopeMark(session, keyspace);
    get = session.prepare("SELECT alert FROM " + ks + "alerts WHERE id = ?");
    every = ScopeReads.of(session, ks + "alerts_by_scope");
    open = ScopeReads.of(session, ks + "open_alerts_by_scope");
  }

  @Override
  public CompletionStage<Done> appendAll(long firstSeq, List<Alert> alerts) {
    List<LoggedAlert> changes;
    try {
      changes = LoggedAlert.numbered(firstSeq, alerts);
    } catch (IllegalArgumentException | NullPointerException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (changes.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    long last = changes.get(changes.size() - 1).seq();
    PartitionBatches logRows = new PartitionBatches(MAX_BATCH_BYTES);
    PartitionBatches currentRows = new PartitionBatches(MAX_BATCH_BYTES);
    Instant now = clock.instant();
    for (LoggedAlert change : changes) {
      addRows(logRows, currentRows, change, now);
    }
    return Rows.describe(twinScopes.startAt(firstSeq)
        .thenCompose(started -> executeAll(logRows.statements()))
        .thenCompose(done -> session.executeAsync(writeMark.bind(LAST, last, last)))
        .thenCompose(rs -> executeAll(currentRows.statements())), "appending alert changes " + firstSeq + ".." + last);
  }

  /** The rows of one change: in the log under its three scopes, and the alert's current state. */
  private void addRows(PartitionBatches logRows, PartitionBatches rows, LoggedAlert change, Instant now) {
    long seq = change.seq();
    Alert alert = change.alert();
    byte[] bytes = AlertCodec.encode(alert);
    long bucket = seq / BUCKET_SIZE;
    int changeTtl = settings.retentionSeconds();
    // TTL 0: an open alert never expires; the clearing change rewrites every cell with the retention.
    int currentTtl = alert.open() ? 0 : changeTtl;
    long raised = AlertCursor.raisedMicros(alert);
    String id = alert.id();
    String state = alert.state().json();
    for (String scope : logScopes(alert)) {
      logRows.add(List.of(scope, bucket), bytes.length,
          insertChange.bind(scope, bucket, seq, now, blob(bytes), changeTtl));
    }
    rows.add(List.of(id), bytes.length, insertById.bind(id, blob(bytes), seq, currentTtl));
    rows.addOnce(List.of(TENANTS_SHARD), alert.tenant(), insertTenant.bind(alert.tenant()));
    for (String scope : scopes(alert)) {
      rows.add(List.of(scope), bytes.length, insertByScope.bind(scope, raised, id, state, blob(bytes), seq, currentTtl));
      if (alert.open()) {
        rows.add(List.of(scope), bytes.length, insertOpen.bind(scope, raised, id, state, blob(bytes), seq));
      } else {
        rows.add(List.of(scope), 0, deleteOpen.bind(seq, scope, raised, id));
      }
    }
  }

  @Override
  public CompletionStage<Long> lastSeq() {
    return Rows.describe(mark(LAST, 0), "reading the last alert seq");
  }

  @Override
  public CompletionStage<List<LoggedAlert>> since(long afterSeq, AlertFilter filter, int limit) {
    try {
      AlertLog.checkSince(afterSeq, limit);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (filter.matchesNothing()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<LoggedAlert> out = new ArrayList<>();
    return Rows.describe(mark(LAST, 0)
        .thenCompose(last -> filter.twin().isPresent()
            ? twinScopes.read().thenCompose(from -> walkTwin(filter, afterSeq, last, from, limit, out))
            : walk(filter.scopeTenant().orElse(ALL), filter, afterSeq, last, limit, out))
        .thenApply(done -> out), "reading alert changes after " + afterSeq);
  }

  @Override
  public CompletionStage<AlertPage> current(AlertQuery query) {
    if (query.matchesNothing()) {
      return CompletableFuture.completedFuture(new AlertPage(List.of(), Optional.empty()));
    }
    Optional<String> scope = query.twin().map(twin -> twin.value()).or(query::tenant);
    CompletionStage<List<Alert>> alerts = scope.isPresent()
        ? scopePage(scope.get(), query)
        : Rows.all(session, tenants.bind(), Integer.MAX_VALUE, row -> row.getString(0))
            .thenCompose(all -> mergedPages(all, query));
    return Rows.describe(alerts.thenApply(items -> AlertPage.of(items, query.limit())), "listing alerts");
  }

  @Override
  public CompletionStage<Optional<Alert>> get(String alertId) {
    return Rows.describe(session.executeAsync(get.bind(alertId))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> decode(row.getByteBuffer(0)))),
        "reading alert " + alertId);
  }

  @Override
  public CompletionStage<Integer> purgeOlderThan(Instant cutoff) {
    AtomicInteger deleted = new AtomicInteger();
    return Rows.describe(mark(PURGED, 1).thenCombine(mark(LAST, 0), (from, last) -> new long[] {from, last})
        .thenCompose(range -> purge(range[0], range[1], cutoff, deleted))
        .thenApply(done -> deleted.get()), "purging alerts before " + cutoff);
  }

  @Override
  public Duration retention() {
    return settings.retention();
  }

  /** A twin's changes: those before {@code twinScopedFrom} from its tenant's scope, the rest from its own. */
  private CompletionStage<Void> walkTwin(AlertFilter filter, long after, long last, long twinScopedFrom, int limit,
      List<LoggedAlert> out) {
    String twin = filter.twin().orElseThrow().value();
    String tenant = filter.twin().orElseThrow().tenant();
    long tenantScopedUpTo = Math.min(last, twinScopedFrom - 1);
    return walk(tenant, filter, after, tenantScopedUpTo, limit, out)
        .thenCompose(done -> walk(twin, filter, Math.max(after, tenantScopedUpTo), last, limit, out));
  }

  /** Reads bucket after bucket from {@code after + 1} until {@code limit} changes or the last seq. */
  private CompletionStage<Void> walk(String scope, AlertFilter filter, long after, long last, int limit,
      List<LoggedAlert> out) {
    if (out.size() >= limit || after >= last) {
      return CompletableFuture.completedFuture(null);
    }
    long bucket = (after + 1) / BUCKET_SIZE;
    int wanted = limit - out.size();
    boolean filtered = filter.twin().isPresent() || filter.minSeverity() != Severity.INFO;
    BoundStatement select = changesAfter.bind(scope, bucket, after)
        .setPageSize(filtered ? PAGE : Math.min(PAGE, wanted));
    // Rows above the mark are of an append in flight or one that failed (the next append overwrites them).
    return Rows.matching(session, select, wanted, CassandraAlertLog::logged,
            change -> change.seq() <= last && filter.matches(change.alert()))
        .thenCompose(changes -> {
          out.addAll(changes);
          return walk(scope, filter, (bucket + 1) * BUCKET_SIZE - 1, last, limit, out);
        });
  }

  /** Up to limit + 1 alerts of one tenant or twin from the cursor on, newest raised first. */
  private CompletionStage<List<Alert>> scopePage(String scope, AlertQuery query) {
    int wanted = query.limit() + 1;
    Optional<AlertState> state = query.state();
    boolean openOnly = state.isPresent() && state.get() != AlertState.CLEARED;
    Predicate<String> keep = state.map(s -> (Predicate<String>) s.json()::equals).orElse(s -> true);
    BoundStatement select = (openOnly ? open : every).bind(scope, query.after())
        .setPageSize(state.isPresent() ? PAGE : wanted);
    return Rows.matching(session, select, wanted,
        row -> keep.test(row.getString(0)) ? decode(row.getByteBuffer(1)) : null, Objects::nonNull);
  }

  /** Every tenant's page, merged into up to limit + 1 alerts, newest raised first. */
  private CompletionStage<List<Alert>> mergedPages(List<String> tenantNames, AlertQuery query) {
    List<CompletableFuture<List<Alert>>> pages = tenantNames.stream()
        .map(tenant -> limiter.submit(() -> scopePage(tenant, query)).toCompletableFuture())
        .toList();
    return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
        .thenApply(v -> pages.stream().flatMap(page -> page.join().stream())
            .sorted(AlertCursor.NEWEST_RAISED_FIRST)
            .limit(query.limit() + 1L)
            .toList());
  }

  /** Purges from seq {@code from} on, a page of the log at a time, until the first change not older than cutoff. */
  private CompletionStage<Void> purge(long from, long last, Instant cutoff, AtomicInteger deleted) {
    if (from > last) {
      // Not "from": the walk jumps bucket by bucket, and the next change appended is last + 1.
      return setPurgedMark(last + 1);
    }
    long bucket = from / BUCKET_SIZE;
    BoundStatement select = changesAfter.bind(ALL, bucket, from - 1).setPageSize(PAGE);
    return Rows.all(session, select, PAGE, CassandraAlertLog::purgeCandidate).thenCompose(changes -> {
      List<BoundStatement> deletes = new ArrayList<>();
      for (PurgeCandidate change : changes) {
        if (!change.loggedAt().isBefore(cutoff)) {
          return executeAll(deletes).thenCompose(done -> setPurgedMark(change.logged().seq()));
        }
        deletes.addAll(deletes(change.logged(), bucket));
        deleted.addAndGet(change.logged().alert().open() ? 1 : 2);
      }
      long next = changes.size() == PAGE ? changes.get(PAGE - 1).logged().seq() + 1 : (bucket + 1) * BUCKET_SIZE;
      return executeAll(deletes).thenCompose(done -> purge(next, last, cutoff, deleted));
    });
  }

  /** The change's log rows, and when it cleared its alert, the alert's rows (open rows went with the clearing). */
  private List<BoundStatement> deletes(LoggedAlert change, long bucket) {
    Alert alert = change.alert();
    List<BoundStatement> deletes = new ArrayList<>();
    for (String scope : logScopes(alert)) {
      deletes.add(deleteChange.bind(scope, bucket, change.seq()));
    }
    if (!alert.open()) {
      long raised = AlertCursor.raisedMicros(alert);
      deletes.add(deleteById.bind(change.seq(), alert.id()));
      for (String scope : scopes(alert)) {
        deletes.add(deleteByScope.bind(change.seq(), scope, raised, alert.id()));
      }
    }
    return deletes;
  }

  private CompletionStage<Void> setPurgedMark(long seq) {
    return session.executeAsync(writePurgedMark.bind(seq)).thenApply(rs -> null);
  }

  private CompletionStage<Long> mark(String name, long absent) {
    return session.executeAsync(readMark.bind(name))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> row.getLong(0)).orElse(absent));
  }

  private CompletionStage<Done> executeAll(List<? extends Statement<?>> statements) {
    List<Supplier<? extends CompletionStage<?>>> requests = new ArrayList<>();
    statements.forEach(statement -> requests.add(() -> session.executeAsync(statement)));
    @SuppressWarnings({"unchecked", "rawtypes"})
    CompletionStage<Done> all = limiter.all((List) requests);
    return all;
  }

  /** The scopes of the log a change is in: every change's, its tenant's and its twin's. */
  private static List<String> logScopes(Alert alert) {
    return List.of(ALL, alert.tenant(), alert.twinId().value());
  }

  /** The partitions of the current-state tables an alert is in: its tenant's and its twin's. */
  private static List<String> scopes(Alert alert) {
    return List.of(alert.tenant(), alert.twinId().value());
  }

  private record PurgeCandidate(LoggedAlert logged, Instant loggedAt) {}

  private static PurgeCandidate purgeCandidate(Row row) {
    return new PurgeCandidate(logged(row), row.getInstant(1));
  }

  private static LoggedAlert logged(Row row) {
    return new LoggedAlert(row.getLong(0), decode(row.getByteBuffer(2)));
  }

  private static Alert decode(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return AlertCodec.decode(bytes);
  }

  private static ByteBuffer blob(byte[] bytes) {
    return ByteBuffer.wrap(bytes);
  }
}
