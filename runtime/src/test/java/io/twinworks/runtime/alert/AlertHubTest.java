package io.twinworks.runtime.alert;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.persistence.EmbeddedStore;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertChange;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.DeliverAlerts;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert hub on a real H2 alert log: batching of queued deliveries, failed appends, the bounded confirmed set. */
class AlertHubTest {

  private static final ActorTestKit testKit = ActorTestKit.create("AlertHubTest",
      ConfigFactory.parseString("pekko.loglevel = ERROR").withFallback(ConfigFactory.load()));
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** What the hub confirmed to a twin. */
  private record Confirmed(TwinId twin, long upTo) {}

  private final ExecutorService blocking = Executors.newFixedThreadPool(2);
  private EmbeddedStore store;
  private CountingAlertLog log;
  private TestProbe<Confirmed> confirms;

  @BeforeEach
  void open() {
    Config config = ConfigFactory.parseMap(Map.of(
            "twinworks.store.h2.url", "jdbc:h2:mem:AlertHubTest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))
        .withFallback(ConfigFactory.load()).resolve();
    store = EmbeddedStore.open(config, blocking);
    log = new CountingAlertLog(store.alerts());
    confirms = testKit.createTestProbe();
  }

  @AfterEach
  void close() {
    store.close();
    blocking.shutdownNow();
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void twoHundredChangesDeliveredAtOnceAreOneAppendInOrderAndEveryTwinIsConfirmed() {
    ActorRef<AlertHub.Command> hub = hub(500, 1000);
    List<Alert> expected = storm(hub, 100);
    log.open();
    assertEquals(confirmedUpTo2(100), new HashSet<>(confirms.receiveSeveralMessages(100, WAIT)));
    assertEquals(List.of(200), log.appendSizes());
    assertEquals(LoggedAlert.numbered(1, expected), logged());
  }

  @Test
  void theListenerIsToldEachAppendWithItsChanges() {
    TestProbe<List<LoggedAlert>> told = testKit.createTestProbe();
    ActorRef<Confirmed> to = confirms.ref();
    ActorRef<AlertHub.Command> hub = testKit.spawn(AlertHub.create(log, (lastSeq, changes) -> {
      assertEquals(lastSeq, changes.get(changes.size() - 1).seq());
      told.ref().tell(changes);
    }, (twin, kind, upTo) -> to.tell(new Confirmed(twin, upTo)), new AlertHubSettings(500, 1000)));
    List<Alert> first = storm(hub, 2);
    log.open();
    assertEquals(LoggedAlert.numbered(1, first), told.receiveMessage(WAIT));
    confirms.receiveSeveralMessages(2, WAIT);
    // Delivered again (as a twin does after each event): already confirmed, so no append and nothing told.
    storm(hub, 1);
    TwinId next = TwinId.of("hub:next");
    hub.tell(deliver(next, List.of(change(next, 1, AlertState.ACTIVE))));
    assertEquals(List.of(new LoggedAlert(5, change(next, 1, AlertState.ACTIVE).alert())), told.receiveMessage(WAIT));
  }

  @Test
  void aHubHandedOverToAnotherNodeFinishesTheAppendInFlightAndThenStops() throws Exception {
    CompletableFuture<Void> release = log.holdAppends();
    ActorRef<AlertHub.Command> hub = hub(500, 1000);
    List<Alert> inFlight = storm(hub, 3);
    log.open();
    log.appendStarted().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    hub.tell(AlertHub.HandOver.INSTANCE);
    TwinId late = TwinId.of("hub:late");
    hub.tell(deliver(late, List.of(change(late, 1, AlertState.ACTIVE))));
    // Still appending: nothing confirmed yet, and the hub waits for its append instead of stopping.
    confirms.expectNoMessage(Duration.ofMillis(300));
    release.complete(null);
    assertEquals(confirmedUpTo2(3), new HashSet<>(confirms.receiveSeveralMessages(3, WAIT)));
    testKit.createTestProbe().expectTerminated(hub, WAIT);
    // The delivery that came after the hand-over waits for the next hub (its twin sends it again).
    assertEquals(List.of(6), log.appendSizes());
    assertEquals(LoggedAlert.numbered(1, inFlight), logged());
  }

  @Test
  void aHubHandedOverWhileIdleStopsAtOnce() {
    ActorRef<AlertHub.Command> hub = hub(500, 1000);
    log.open();
    hub.tell(AlertHub.HandOver.INSTANCE);
    testKit.createTestProbe().expectTerminated(hub, WAIT);
  }

  @Test
  void aStormLargerThanTheBatchSizeGoesInBatchesOfAtMostThatSize() {
    ActorRef<AlertHub.Command> hub = hub(64, 1000);
    List<Alert> expected = storm(hub, 100);
    log.open();
    assertEquals(confirmedUpTo2(100), new HashSet<>(confirms.receiveSeveralMessages(100, WAIT)));
    // Deliveries of 2 changes each go whole: 32 of them fill a batch of 64; 200 = 3 × 64 + 8.
    assertEquals(List.of(64, 64, 64, 8), log.appendSizes());
    assertEquals(LoggedAlert.numbered(1, expected), logged());
  }

  @Test
  void aTwinsRepeatedDeliveriesInOneBatchAreLoggedOnceAndAResentOneAfterItsConfirmationNotAgain() {
    ActorRef<AlertHub.Command> hub = hub(500, 1000);
    TwinId a = TwinId.of("hub:a");
    List<AlertChange> changes = List.of(change(a, 1, AlertState.ACTIVE), change(a, 2, AlertState.ACKNOWLEDGED),
        change(a, 3, AlertState.CLEARED));
    // The twin sends its whole outbox after each of three events, before the hub has read the log's last seq.
    for (int n = 1; n <= 3; n++) {
      hub.tell(deliver(a, changes.subList(0, n)));
    }
    log.open();
    assertEquals(new Confirmed(a, 3), confirms.receiveMessage(WAIT));
    // The outbox once more (sent before the confirmation arrived), then another twin's change.
    hub.tell(deliver(a, changes));
    TwinId b = TwinId.of("hub:b");
    hub.tell(deliver(b, List.of(change(b, 1, AlertState.ACTIVE))));
    assertEquals(new Confirmed(b, 1), confirms.receiveMessage(WAIT));
    assertEquals(List.of(3, 1), log.appendSizes());
    assertEquals(List.of(1L, 2L, 3L, 4L), logged().stream().map(LoggedAlert::seq).toList());
  }

  @Test
  void aBatchThatFailedAfterItWasWrittenIsConfirmedWhenTheTwinsSendAgainAndNotLoggedTwice() throws Exception {
    log.failNextAppendAfterWriting();
    ActorRef<AlertHub.Command> hub = failThenSendAgain();
    // The failed batch is in the log (1..10) and each change was found there when its twin sent it again.
    assertEquals(List.of(), log.appendSizes());
    assertEquals(10, logged().size());
    assertNextChangeIsSeq(hub, 11);
  }

  @Test
  void aBatchThatFailedBeforeItWasWrittenIsLoggedOnceWhenTheTwinsSendAgain() throws Exception {
    log.failNextAppendBeforeWriting();
    ActorRef<AlertHub.Command> hub = failThenSendAgain();
    // Each change appended once; in how many batches depends on when the deliveries sent again reach the hub (before
    // or after it has read the log's last number again): CI saw [1, 1, 8].
    assertEquals(10, log.appendSizes().stream().mapToInt(Integer::intValue).sum(), log.appendSizes().toString());
    assertEquals(10, logged().size());
    assertNextChangeIsSeq(hub, 11);
  }

  @Test
  void aTwinForgottenByTheBoundedConfirmedSetIsCheckedAgainstTheLogInstead() {
    ActorRef<AlertHub.Command> hub = hub(500, 1);
    TwinId a = TwinId.of("hub:a");
    TwinId b = TwinId.of("hub:b");
    AlertHub.Deliver ofA = deliver(a, List.of(change(a, 1, AlertState.ACTIVE)));
    log.open();
    hub.tell(ofA);
    assertEquals(new Confirmed(a, 1), confirms.receiveMessage(WAIT));
    hub.tell(deliver(b, List.of(change(b, 1, AlertState.ACTIVE))));
    assertEquals(new Confirmed(b, 1), confirms.receiveMessage(WAIT));
    // Room for one twin: b pushed a out. a's change comes again (its confirmation was lost): the hub no longer
    // knows it confirmed it, finds it in the log, confirms again and does not log it twice.
    hub.tell(ofA);
    assertEquals(new Confirmed(a, 1), confirms.receiveMessage(WAIT));
    assertEquals(List.of(1, 1), log.appendSizes());
    assertEquals(2, logged().size());
  }

  @Test
  void aHubThatStartsOnAFilledLogSkipsWhatItHoldsAndLeavesEveryAlertInItsLatestState() {
    TwinId a = TwinId.of("hub:a");
    TwinId b = TwinId.of("hub:b");
    AlertChange raisedA = change(a, 1, AlertState.ACTIVE);
    AlertChange clearedA = change(a, 2, AlertState.CLEARED);
    AlertChange raisedB = change(b, 1, AlertState.ACTIVE);
    AlertChange clearedB = change(b, 2, AlertState.CLEARED);
    // An earlier hub logged a's raise and clear, and b's raise only; neither twin heard back.
    await(store.alerts().appendAll(1, List.of(raisedA.alert(), clearedA.alert(), raisedB.alert())));
    ActorRef<AlertHub.Command> hub = hub(500, 1000);
    hub.tell(deliver(a, List.of(raisedA, clearedA)));
    hub.tell(deliver(b, List.of(raisedB, clearedB)));
    log.open();
    assertEquals(Set.of(new Confirmed(a, 2), new Confirmed(b, 2)),
        new HashSet<>(confirms.receiveSeveralMessages(2, WAIT)));
    // a's raise differs from a's current state (cleared), so it is logged again (4), and so is the clear after it
    // (5), or a would be left active: at worst twice, never older. b's raise is skipped, its clear logged (6).
    assertEquals(List.of(3), log.appendSizes());
    assertEquals(List.of(raisedA.alert(), clearedA.alert(), clearedB.alert()),
        await(log.since(3, AlertFilter.all(), 10)).stream().map(LoggedAlert::alert).toList());
    assertEquals(clearedA.alert(), await(log.get(raisedA.alert().id())).orElseThrow());
  }

  /** 10 twins deliver one change each; the append fails; every twin sends again; each is confirmed once. */
  private ActorRef<AlertHub.Command> failThenSendAgain() throws Exception {
    ActorRef<AlertHub.Command> hub = hub(500, 1000);
    List<AlertHub.Deliver> deliveries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      TwinId twin = TwinId.of("hub:t" + i);
      deliveries.add(deliver(twin, List.of(change(twin, 1, AlertState.ACTIVE))));
    }
    deliveries.forEach(hub::tell);
    log.open();
    log.failed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // These reach the hub before or after it has handled the failure (and read the log's last number again).
    deliveries.forEach(hub::tell);
    Set<Confirmed> expected = new HashSet<>();
    deliveries.forEach(d -> expected.add(new Confirmed(d.alerts().twinId(), 1)));
    assertEquals(expected, new HashSet<>(confirms.receiveSeveralMessages(10, WAIT)));
    return hub;
  }

  /** A new change after a failure continues the numbering without a gap. */
  private void assertNextChangeIsSeq(ActorRef<AlertHub.Command> hub, long seq) {
    TwinId twin = TwinId.of("hub:t0");
    hub.tell(deliver(twin, List.of(change(twin, 1, AlertState.ACTIVE), change(twin, 2, AlertState.CLEARED))));
    assertEquals(new Confirmed(twin, 2), confirms.receiveMessage(WAIT));
    List<LoggedAlert> all = logged();
    assertEquals(seq, all.get(all.size() - 1).seq());
    assertEquals(seq, all.size());
  }

  private ActorRef<AlertHub.Command> hub(int batchSize, int confirmedTwins) {
    ActorRef<Confirmed> to = confirms.ref();
    return testKit.spawn(AlertHub.create(log, new AppendSignal(),
        (twin, kind, upTo) -> to.tell(new Confirmed(twin, upTo)), new AlertHubSettings(batchSize, confirmedTwins)));
  }

  /** n twins each deliver a communication-loss alert raised and cleared; the alerts in delivery order. */
  private static List<Alert> storm(ActorRef<AlertHub.Command> hub, int n) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TwinId twin = TwinId.of("hub:s" + i);
      List<AlertChange> changes = List.of(change(twin, 1, AlertState.ACTIVE), change(twin, 2, AlertState.CLEARED));
      hub.tell(deliver(twin, changes));
      changes.forEach(c -> alerts.add(c.alert()));
    }
    return alerts;
  }

  private static Set<Confirmed> confirmedUpTo2(int n) {
    Set<Confirmed> all = new HashSet<>();
    for (int i = 0; i < n; i++) {
      all.add(new Confirmed(TwinId.of("hub:s" + i), 2));
    }
    return all;
  }

  /** Change {@code number} of the twin's alert 1. */
  private static AlertChange change(TwinId twin, long number, AlertState state) {
    return new AlertChange(number, alert(twin, 1, Severity.WARNING, state, T0));
  }

  private static AlertHub.Deliver deliver(TwinId twin, List<AlertChange> changes) {
    return new AlertHub.Deliver(new DeliverAlerts(twin, TwinKind.SENSOR, changes));
  }

  private List<LoggedAlert> logged() {
    return await(log.since(0, AlertFilter.all(), 1000));
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
