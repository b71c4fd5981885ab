package io.twinworks.persistence.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every alert log must do. Each store's test class supplies an empty log per test, a way to reopen its store
 * on the same data, and the clock its store times appends with (set to {@link #T0} before each test).
 */
public abstract class AlertLogContract {

  protected static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final TwinId CNC1 = TwinId.of("acme:line1:cnc01");
  private static final TwinId CNC2 = TwinId.of("acme:line1:cnc02");
  private static final TwinId PACK = TwinId.of("beta:p1:r1:pk7");

  /** The log under test, empty at the start of each test. */
  protected abstract AlertLog log();

  /** Closes the store (H2: the file; Cassandra: the session) and opens it again; the log of the new store. */
  protected abstract AlertLog reopen();

  protected abstract TestClock clock();

  @BeforeEach
  void startTheClock() {
    clock().set(T0);
  }

  @Test
  void changesComeBackInSeqOrderUpToTheLimit() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      alerts.add(raised(CNC1, i, Severity.WARNING, T0.plusSeconds(i)));
      append(i, alerts.get(i - 1));
    }
    assertEquals(List.of(1L, 2L, 3L), seqs(log().since(0, AlertFilter.all(), 3)));
    assertEquals(List.of(4L, 5L), seqs(log().since(3, AlertFilter.all(), 100)));
    assertEquals(List.of(), seqs(log().since(5, AlertFilter.all(), 100)));
    List<LoggedAlert> all = await(log().since(0, AlertFilter.all(), 100));
    for (int i = 0; i < 5; i++) {
      assertEquals(new LoggedAlert(i + 1, alerts.get(i)), all.get(i));
    }
    assertEquals(5L, await(log().lastSeq()));
  }

  @Test
  void seqGapsAndLargeSeqsAreWalkedInOrder() {
    // Cassandra partitions the log by seq / 10,000: these seqs fall into partitions 0, 1, 1, 2, 4 (and 3 is empty).
    long[] seqs = {9_999, 10_000, 10_001, 25_000, 40_001};
    for (int i = 0; i < seqs.length; i++) {
      append(seqs[i], raised(i % 2 == 0 ? CNC1 : PACK, i + 1, Severity.INFO, T0.plusSeconds(i)));
    }
    assertEquals(List.of(9_999L, 10_000L, 10_001L, 25_000L, 40_001L), seqs(log().since(0, AlertFilter.all(), 10)));
    assertEquals(List.of(10_000L, 10_001L), seqs(log().since(9_999, AlertFilter.all(), 2)));
    assertEquals(List.of(25_000L, 40_001L), seqs(log().since(10_001, AlertFilter.all(), 10)));
    // CNC1 has the changes at even positions: 9_999, 10_001, 40_001.
    assertEquals(List.of(10_001L, 40_001L), seqs(log().since(9_999, AlertFilter.all().withTenant("acme"), 10)));
    assertEquals(List.of(10_000L), seqs(log().since(0, AlertFilter.all().withTwin(PACK), 1)));
    assertEquals(40_001L, await(log().lastSeq()));
  }

  @Test
  void sinceFiltersByTenantTwinAndMinimumSeverity() {
    append(1, raised(CNC1, 1, Severity.INFO, T0));
    append(2, raised(CNC2, 1, Severity.CRITICAL, T0));
    append(3, raised(PACK, 1, Severity.WARNING, T0));
    append(4, raised(CNC1, 2, Severity.CRITICAL, T0));

    assertEquals(List.of(1L, 2L, 4L), seqs(log().since(0, AlertFilter.all().withTenant("acme"), 10)));
    assertEquals(List.of(3L), seqs(log().since(0, AlertFilter.all().withTenant("beta"), 10)));
    assertEquals(List.of(1L, 4L), seqs(log().since(0, AlertFilter.all().withTwin(CNC1), 10)));
    assertEquals(List.of(4L), seqs(log().since(1, AlertFilter.all().withTwin(CNC1), 10)));
    assertEquals(List.of(1L), seqs(log().since(0, AlertFilter.all().withTwin(CNC1), 1)));
    assertEquals(List.of(2L, 3L, 4L), seqs(log().since(0, AlertFilter.all().withMinSeverity(Severity.WARNING), 10)));
    assertEquals(List.of(2L, 4L),
        seqs(log().since(0, AlertFilter.all().withTenant("acme").withMinSeverity(Severity.CRITICAL), 10)));
    assertEquals(List.of(4L),
        seqs(log().since(0, AlertFilter.all().withTwin(CNC1).withMinSeverity(Severity.WARNING), 10)));
    assertEquals(List.of(), seqs(log().since(0, AlertFilter.all().withTenant("beta").withTwin(CNC1), 10)));
    assertEquals(List.of(), seqs(log().since(0, AlertFilter.all().withTenant("gamma"), 10)));
  }

  @Test
  void currentStateFollowsRaiseAcknowledgeClear() {
    Alert active = raised(CNC1, 1, Severity.CRITICAL, T0);
    append(1, active);
    assertEquals(Optional.of(active), await(log().get(active.id())));
    assertEquals(List.of(active), items(AlertQuery.all(10)));

    Alert acknowledged = active.acknowledged(T0.plusSeconds(30));
    append(2, acknowledged);
    assertEquals(Optional.of(acknowledged), await(log().get(active.id())));
    assertEquals(List.of(), items(AlertQuery.all(10).withState(AlertState.ACTIVE)));
    assertEquals(List.of(acknowledged), items(AlertQuery.all(10).withState(AlertState.ACKNOWLEDGED)));

    Alert cleared = acknowledged.cleared(T0.plusSeconds(90));
    append(3, cleared);
    assertEquals(Optional.of(cleared), await(log().get(active.id())));
    assertEquals(List.of(cleared), items(AlertQuery.all(10)));
    assertEquals(List.of(), items(AlertQuery.all(10).withState(AlertState.ACTIVE)));
    assertEquals(List.of(), items(AlertQuery.all(10).withState(AlertState.ACKNOWLEDGED)));
    assertEquals(List.of(cleared), items(AlertQuery.all(10).withState(AlertState.CLEARED)));
    assertEquals(List.of(AlertState.ACTIVE, AlertState.ACKNOWLEDGED, AlertState.CLEARED),
        await(log().since(0, AlertFilter.all(), 10)).stream().map(change -> change.alert().state()).toList());
    assertEquals(Optional.empty(), await(log().get(Alert.id(CNC1, 99))));
  }

  @Test
  void currentFiltersByTenantTwinAndState() {
    Alert m1Active = raised(CNC1, 1, Severity.WARNING, T0.plusSeconds(1));
    Alert m1Acknowledged = raised(CNC1, 2, Severity.WARNING, T0.plusSeconds(2)).acknowledged(T0.plusSeconds(5));
    Alert m2Cleared = raised(CNC2, 1, Severity.INFO, T0.plusSeconds(3)).cleared(T0.plusSeconds(6));
    Alert packActive = raised(PACK, 1, Severity.CRITICAL, T0.plusSeconds(4));
    append(1, m1Active);
    append(2, m1Acknowledged);
    append(3, m2Cleared);
    append(4, packActive);

    // Newest raised first: pack (+4 s), m2 (+3 s), m1~2 (+2 s), m1~1 (+1 s).
    assertEquals(List.of(packActive, m2Cleared, m1Acknowledged, m1Active), items(AlertQuery.all(10)));
    assertEquals(List.of(m2Cleared, m1Acknowledged, m1Active), items(AlertQuery.all(10).withTenant("acme")));
    assertEquals(List.of(m1Active), items(AlertQuery.all(10).withTenant("acme").withState(AlertState.ACTIVE)));
    assertEquals(List.of(m1Acknowledged, m1Active), items(AlertQuery.all(10).withTwin(CNC1)));
    assertEquals(List.of(m1Acknowledged), items(AlertQuery.all(10).withTwin(CNC1).withState(AlertState.ACKNOWLEDGED)));
    assertEquals(List.of(), items(AlertQuery.all(10).withTwin(CNC1).withState(AlertState.CLEARED)));
    assertEquals(List.of(packActive, m1Active), items(AlertQuery.all(10).withState(AlertState.ACTIVE)));
    assertEquals(List.of(m2Cleared), items(AlertQuery.all(10).withState(AlertState.CLEARED)));
    assertEquals(List.of(m1Acknowledged, m1Active), items(AlertQuery.all(10).withTenant("acme").withTwin(CNC1)));
    assertEquals(List.of(), items(AlertQuery.all(10).withTenant("beta").withTwin(CNC1)));
    assertEquals(List.of(), items(AlertQuery.all(10).withTenant("gamma")));
  }

  @Test
  void pagesNewestRaisedFirstWithACursor() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      TwinId twin = TwinId.of("t" + (i % 3), "line", "m" + (i % 5));
      // Two alerts share each raise time, so the id decides their order.
      Alert alert = raised(twin, i, Severity.WARNING, T0.plusSeconds(i / 2));
      alerts.add(i % 4 == 0 ? alert.cleared(T0.plusSeconds(100)) : alert);
      append(i + 1, alerts.get(i));
    }
    Comparator<Alert> newestFirst = Comparator.comparing(Alert::raisedAt).reversed()
        .thenComparing(Comparator.comparing((Alert a) -> a.id()).reversed());
    List<Alert> expected = alerts.stream().sorted(newestFirst).toList();

    List<List<Alert>> pages = pages(AlertQuery.all(10));
    assertEquals(List.of(10, 10, 5), pages.stream().map(List::size).toList());
    assertEquals(expected, pages.stream().flatMap(List::stream).toList());

    List<Alert> tenant1 = expected.stream().filter(a -> a.tenant().equals("t1")).toList();
    assertEquals(tenant1, pages(AlertQuery.all(3).withTenant("t1")).stream().flatMap(List::stream).toList());

    List<Alert> open = expected.stream().filter(a -> a.state() == AlertState.ACTIVE).toList();
    assertEquals(18, open.size(), "25 alerts, of which i = 0, 4, ..., 24 (7) cleared");
    assertEquals(open, pages(AlertQuery.all(4).withState(AlertState.ACTIVE)).stream().flatMap(List::stream).toList());

    List<Alert> cleared = expected.stream().filter(a -> a.state() == AlertState.CLEARED).toList();
    assertEquals(cleared,
        pages(AlertQuery.all(2).withState(AlertState.CLEARED)).stream().flatMap(List::stream).toList());

    TwinId twin = TwinId.of("t2", "line", "m0");
    List<Alert> ofTwin = expected.stream().filter(a -> a.twinId().equals(twin)).toList();
    assertEquals(ofTwin, pages(AlertQuery.all(1).withTwin(twin)).stream().flatMap(List::stream).toList());
  }

  @Test
  void appendingTheSameSeqAgainOrAnOlderChangeLateChangesNothing() {
    Alert a = raised(CNC1, 1, Severity.WARNING, T0);
    append(1, a);
    append(2, a.acknowledged(T0.plusSeconds(10)));
    append(2, a.acknowledged(T0.plusSeconds(10)));
    append(1, a);
    assertEquals(List.of(new LoggedAlert(1, a), new LoggedAlert(2, a.acknowledged(T0.plusSeconds(10)))),
        await(log().since(0, AlertFilter.all(), 10)));
    assertEquals(Optional.of(a.acknowledged(T0.plusSeconds(10))), await(log().get(a.id())));
    assertEquals(List.of(), items(AlertQuery.all(10).withState(AlertState.ACTIVE)));
    assertEquals(2L, await(log().lastSeq()));

    // The clearing change arrives before the acknowledgement it follows: the higher seq still wins.
    Alert b = raised(CNC2, 1, Severity.CRITICAL, T0.plusSeconds(1));
    append(3, b);
    append(5, b.acknowledged(T0.plusSeconds(20)).cleared(T0.plusSeconds(30)));
    append(4, b.acknowledged(T0.plusSeconds(20)));
    assertEquals(AlertState.CLEARED, await(log().get(b.id())).orElseThrow().state());
    assertEquals(List.of(a.acknowledged(T0.plusSeconds(10))),
        items(AlertQuery.all(10).withTenant("acme").withState(AlertState.ACKNOWLEDGED)));
    assertEquals(List.of(), items(AlertQuery.all(10).withTwin(CNC2).withState(AlertState.ACTIVE)));
    assertEquals(List.of(b.acknowledged(T0.plusSeconds(20)).cleared(T0.plusSeconds(30))),
        items(AlertQuery.all(10).withTwin(CNC2)));
    assertEquals(5L, await(log().lastSeq()));
  }

  @Test
  void appendAllNumbersConsecutivelyAndTheHighestChangeOfEachAlertWinsWithinTheCall() {
    Alert a = raised(CNC1, 1, Severity.WARNING, T0);
    Alert b = raised(PACK, 1, Severity.CRITICAL, T0.plusSeconds(1));
    List<Alert> batch = List.of(a, b, a.acknowledged(T0.plusSeconds(5)), raised(CNC2, 1, Severity.INFO, T0),
        b.cleared(T0.plusSeconds(9)));
    await(log().appendAll(1, batch));
    assertEquals(LoggedAlert.numbered(1, batch), await(log().since(0, AlertFilter.all(), 10)));
    assertEquals(List.of(3L, 4L), seqs(log().since(1, AlertFilter.all().withTenant("acme"), 10)));
    assertEquals(Optional.of(a.acknowledged(T0.plusSeconds(5))), await(log().get(a.id())));
    assertEquals(Optional.of(b.cleared(T0.plusSeconds(9))), await(log().get(b.id())));
    assertEquals(List.of(), items(AlertQuery.all(10).withTenant("beta").withState(AlertState.ACTIVE)));
    assertEquals(5L, await(log().lastSeq()));

    // Nothing to append is nothing; the same call again (the hub after a failure) leaves the same.
    await(log().appendAll(6, List.of()));
    await(log().appendAll(1, batch));
    assertEquals(LoggedAlert.numbered(1, batch), await(log().since(0, AlertFilter.all(), 10)));
    assertEquals(Optional.of(b.cleared(T0.plusSeconds(9))), await(log().get(b.id())));
    assertEquals(5L, await(log().lastSeq()));
  }

  @Test
  void appendAllOfManyChangesAcrossABucketBoundaryReadsBackInOrder() {
    // 400 changes from seq 9_801: Cassandra's partitions 0 (9_801..9_999, 199) and 1 (10_000..10_200, 201), each
    // partition far over one batch of 4 KiB. Twin i % 4 raises alert number i / 4 + 1; twins 0, 1 are tenant acme.
    List<Alert> batch = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      TwinId twin = TwinId.of((i % 4 < 2 ? "acme" : "beta") + ":line1:m" + (i % 4));
      batch.add(raised(twin, i / 4 + 1, Severity.WARNING, T0.plusSeconds(i)));
    }
    await(log().appendAll(9_801, batch));
    List<LoggedAlert> all = new ArrayList<>(await(log().since(0, AlertFilter.all(), 300)));
    all.addAll(await(log().since(all.get(all.size() - 1).seq(), AlertFilter.all(), 300)));
    assertEquals(LoggedAlert.numbered(9_801, batch), all);
    // acme's: i % 4 in {0, 1}, 200 changes; the last is i = 397 at seq 9_801 + 397 = 10_198.
    List<LoggedAlert> acme = await(log().since(0, AlertFilter.all().withTenant("acme"), 1000));
    assertEquals(200, acme.size());
    assertEquals(10_198L, acme.get(199).seq());
    assertEquals(100, items(AlertQuery.all(1000).withTwin(TwinId.of("beta:line1:m3"))).size());
    assertEquals(10_200L, await(log().lastSeq()));
  }

  @Test
  void lastSeqSurvivesReopeningTheStore() {
    assertEquals(0L, await(log().lastSeq()));
    append(1, raised(CNC1, 1, Severity.INFO, T0));
    append(2, raised(CNC1, 2, Severity.INFO, T0));
    append(7, raised(CNC1, 3, Severity.INFO, T0));
    AlertLog reopened = reopen();
    assertEquals(7L, await(reopened.lastSeq()));
    assertEquals(List.of(1L, 2L, 7L), seqs(reopened.since(0, AlertFilter.all(), 10)));
    await(reopened.append(8, raised(CNC1, 4, Severity.INFO, T0)));
    assertEquals(8L, await(reopened.lastSeq()));
  }

  @Test
  void purgeDeletesOldChangesAndTheAlertsTheyCleared() {
    Alert a = raised(CNC1, 1, Severity.WARNING, T0);
    Alert b = raised(CNC2, 1, Severity.WARNING, T0);
    Alert c = raised(PACK, 1, Severity.WARNING, T0.plus(Duration.ofDays(10)));
    append(1, a);
    append(2, b);
    append(3, a.cleared(T0.plusSeconds(60)));
    clock().advance(Duration.ofDays(10));
    append(4, c);
    append(5, b.acknowledged(T0.plus(Duration.ofDays(10))));
    clock().advance(Duration.ofDays(10));
    append(6, c.cleared(T0.plus(Duration.ofDays(20))));

    // Appended before T0 + 5 d: changes 1, 2, 3, and alert a, which change 3 cleared: 3 + 1 = 4.
    assertEquals(4, await(log().purgeOlderThan(T0.plus(Duration.ofDays(5)))));
    assertEquals(List.of(4L, 5L, 6L), seqs(log().since(0, AlertFilter.all(), 10)));
    assertEquals(Optional.empty(), await(log().get(a.id())));
    assertEquals(List.of(c.cleared(T0.plus(Duration.ofDays(20))), b.acknowledged(T0.plus(Duration.ofDays(10)))),
        items(AlertQuery.all(10)));
    assertEquals(0, await(log().purgeOlderThan(T0.plus(Duration.ofDays(5)))));

    // Before T0 + 15 d: changes 4 and 5; b is open and c cleared only at T0 + 20 d, so no alert goes: 2.
    assertEquals(2, await(log().purgeOlderThan(T0.plus(Duration.ofDays(15)))));
    assertEquals(List.of(6L), seqs(log().since(0, AlertFilter.all(), 10)));

    // Retention 30 d (reference.conf): at T0 + 50 d + 1 s everything appended up to T0 + 20 d is expired,
    // change 6 and alert c: 2. The open alert b stays although its changes are gone.
    assertEquals(Duration.ofDays(30), log().retention());
    assertEquals(2, await(log().purgeExpired(T0.plus(Duration.ofDays(50)).plusSeconds(1))));
    assertEquals(List.of(), seqs(log().since(0, AlertFilter.all(), 10)));
    assertEquals(List.of(b.acknowledged(T0.plus(Duration.ofDays(10)))), items(AlertQuery.all(10)));
    assertEquals(6L, await(log().lastSeq()));

    // A change appended after all went is purged in its turn: change 7, an open alert's, so 1.
    clock().set(T0.plus(Duration.ofDays(60)));
    append(7, raised(CNC1, 2, Severity.INFO, T0.plus(Duration.ofDays(60))));
    assertEquals(0, await(log().purgeOlderThan(T0.plus(Duration.ofDays(60)))));
    assertEquals(1, await(log().purgeOlderThan(T0.plus(Duration.ofDays(60)).plusMillis(1))));
    assertEquals(List.of(), seqs(log().since(0, AlertFilter.all(), 10)));
  }

  @Test
  void aFullyPopulatedAlertAndOneWithNaNsAndNullsRoundTripExactly() {
    TwinId twin = TwinId.of("acme:p1:r1:pk7");
    Alert full = new Alert(Alert.id(twin, 42), twin, "cell-imbalance", Severity.CRITICAL, "cell.12.voltage",
        3.1415926535897931, -0.0, Double.MIN_VALUE, "cell-imbalance",
        AlertState.CLEARED, Instant.parse("2026-11-20T10:00:00.123456789Z"),
        Instant.parse("2026-11-20T10:01:00.000000001Z"), Instant.parse("2026-11-20T10:02:00.999999999Z"),
        Instant.parse("2026-11-20T09:59:59.5Z"),
        Map.of("spread", 0.125, "max", 4.2, "min", -1e-300, "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY));
    Alert sparse = new Alert(Alert.id(twin, 43), twin, "communication-loss", Severity.WARNING, "heartbeat",
        Double.NaN, Double.NaN, Double.NaN, null, AlertState.ACTIVE, Instant.parse("2026-11-20T11:00:00Z"),
        null, null, null, Map.of());
    append(1, full);
    append(2, sparse);
    assertEquals(Optional.of(full), await(log().get(full.id())));
    assertEquals(Optional.of(sparse), await(log().get(sparse.id())));
    assertEquals(List.of(new LoggedAlert(1, full), new LoggedAlert(2, sparse)),
        await(log().since(0, AlertFilter.all(), 10)));
    assertEquals(List.of(sparse, full), items(AlertQuery.all(10)));
    Alert stored = await(log().get(sparse.id())).orElseThrow();
    assertTrue(Double.isNaN(stored.expected()) && Double.isNaN(stored.deviation()) && Double.isNaN(stored.value()));
  }

  @Test
  void rejectsInvalidArguments() {
    Alert a = raised(CNC1, 1, Severity.INFO, T0);
    assertInstanceOf(IllegalArgumentException.class, failure(log().append(0, a)));
    assertInstanceOf(IllegalArgumentException.class, failure(log().appendAll(0, List.of(a))));
    assertInstanceOf(IllegalArgumentException.class, failure(log().appendAll(0, List.of())));
    assertInstanceOf(IllegalArgumentException.class, failure(log().since(-1, AlertFilter.all(), 10)));
    assertInstanceOf(IllegalArgumentException.class, failure(log().since(0, AlertFilter.all(), 0)));
    assertInstanceOf(IllegalArgumentException.class,
        failure(log().since(0, AlertFilter.all(), AlertLog.MAX_SINCE_LIMIT + 1)));
    assertThrows(IllegalArgumentException.class, () -> AlertQuery.all(10).withCursor(Optional.of("not a cursor!")));
    assertEquals(0L, await(log().lastSeq()));
  }

  // --- helpers

  protected static Alert raised(TwinId twin, long number, Severity severity, Instant at) {
    return new Alert(Alert.id(twin, number), twin, "threshold", severity, "temperature", 81.5, 80.0, 1.5,
        "threshold", AlertState.ACTIVE, at, null, null, at.minusMillis(250), Map.of("limit", 80.0));
  }

  protected void append(long seq, Alert alert) {
    await(log().append(seq, alert));
  }

  protected static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable failure(CompletionStage<?> stage) {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> stage.toCompletableFuture().get(120, TimeUnit.SECONDS));
    return e.getCause();
  }

  private static List<Long> seqs(CompletionStage<List<LoggedAlert>> changes) {
    return await(changes).stream().map(LoggedAlert::seq).toList();
  }

  private List<Alert> items(AlertQuery query) {
    return await(log().current(query)).items();
  }

  private List<List<Alert>> pages(AlertQuery first) {
    List<List<Alert>> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      AlertPage page = await(log().current(first.withCursor(cursor)));
      pages.add(page.items());
      assertTrue(page.items().size() <= first.limit());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return pages;
  }
}
