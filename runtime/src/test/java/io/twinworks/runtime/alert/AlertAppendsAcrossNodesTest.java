package io.twinworks.runtime.alert;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.runtime.cluster.TwoNodes;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinSettings;
import io.twinworks.twins.Twins;
import io.twinworks.twins.alert.AlertChange;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.DeliverAlerts;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The alert hub's appends wake the alert tail of every node: the hub is a cluster singleton on the first node, a
 * tail on the second polls only once an hour, so nothing but the distributed pub-sub notice can bring it a change
 * within the test's time.
 */
class AlertAppendsAcrossNodesTest {

  private static final TwoNodes nodes = new TwoNodes("AlertAppendsAcrossNodesTest",
      "twinworks.alerts.poll-interval = 1h");
  private static final TwinId TWIN = TwinId.of("nodes:s1");
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  @AfterAll
  static void shutdown() {
    nodes.close();
  }

  @Test
  void anAlertRaisedOnOneNodeReachesTheOtherNodesTailAtOnce() throws Exception {
    // Both nodes wired as the runtime wires them.
    startAlerts(nodes.first(), new AppendSignal());
    AppendSignal secondAppends = new AppendSignal();
    ActorRef<DeliverAlerts> hubFromSecond = startAlerts(nodes.second(), secondAppends);
    AlertTail secondTail = AlertTail.start(nodes.second(), nodes.store().alerts(),
        AlertStreamSettings.fromConfig(nodes.config()), secondAppends);
    CompletableFuture<LoggedAlert> seen = secondTail.live().runWith(Sink.head(), nodes.second())
        .toCompletableFuture();

    // The tail's first read, its subscription and the topic's registration of the second node's subscriber are
    // asynchronous: raise alerts until one arrives. Each goes from the second node's twins to the hub on the
    // first node (a remote message) and is appended there.
    int raised = 0;
    while (!seen.isDone() && raised < 40) {
      raised++;
      hubFromSecond.tell(new DeliverAlerts(TWIN, TwinKind.SENSOR, List.of(new AlertChange(raised,
          alert(TWIN, raised, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(raised))))));
      awaitQuietly(seen, 500);
    }
    LoggedAlert got = seen.get(1, TimeUnit.SECONDS);
    assertTrue(got.seq() >= 1 && got.seq() <= raised, "seq " + got.seq() + " of " + raised + " raised");
    assertEquals("nodes:s1~" + got.seq(), got.alert().id()); // the hub numbers the changes in the order they came
    secondTail.stop();
  }

  /** The hub (a singleton, so on the first node) with its appends broadcast, and the twins that confirm to it. */
  private static ActorRef<DeliverAlerts> startAlerts(ActorSystem<?> system, AppendSignal appends) {
    ActorRef<DeliverAlerts> hub = AlertHub.start(system, nodes.store().alerts(), AppendBroadcast.start(system, appends),
        AlertHubSettings.fromConfig(nodes.config()));
    Twins.init(system, TwinSettings.create(nodes.config()), hub);
    return hub;
  }

  private static void awaitQuietly(CompletableFuture<?> future, long millis) throws InterruptedException {
    try {
      future.get(millis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // not yet
    }
  }
}
