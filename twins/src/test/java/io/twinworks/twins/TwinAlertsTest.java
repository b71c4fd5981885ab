package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.temp;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinCommand.AcknowledgeAlert;
import io.twinworks.twins.TwinCommand.ConfirmAlerts;
import io.twinworks.twins.TwinCommand.Configure;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.DeliverAlerts;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwinAlertsTest {

  private static final ActorTestKit testKit = ActorTestKit.create(Fixtures.eventSourcedConfig());
  private static final TestProbe<DeliverAlerts> hub = testKit.createTestProbe(DeliverAlerts.class);
  private static final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin =
      EventSourcedBehaviorTestKit.create(testKit.system(),
          SensorTwin.create(Fixtures.SENSOR, Fixtures.SETTINGS, hub.ref()), Fixtures.SERIALIZATION);

  /** A quick z-score on temperature: window 50, raise at |z| ≥ 4, clear below 2, after 20 readings. */
  /** With a 2 s reorder grace, so a reading is analysed when one 2 s newer arrives. */
  static final TwinConfig QUICK_ZSCORE = TwinConfig.of(Map.of("grace-period", "2s", "detectors",
      Map.of("temperature", List.of(Map.of("type", "zscore", "window", 50, "k", 4, "warm-up", 20)))));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    twin.clear();
    configure(QUICK_ZSCORE);
  }

  /** 60 readings around 20 °C (±0.1), one a second, then {@code spike} at second 60 and two normal ones. */
  static void noiseThenSpike(double spike) {
    for (int s = 0; s < 60; s++) {
      record(twin, temp(20 + 0.1 * Math.sin(s), s));
    }
    record(twin, temp(spike, 60));
    record(twin, temp(20, 61));
    record(twin, temp(20, 62)); // moves the watermark (2 s grace) past the spike
  }

  @Test
  void aSpikeRaisesOneAlertWhichGoesToTheHubUntilConfirmed() {
    noiseThenSpike(40);
    List<Alert> open = view(twin).alerts();
    assertEquals(1, open.size(), open.toString());
    Alert alert = open.get(0);
    assertEquals("zscore", alert.kind());
    assertEquals("temperature", alert.signal());
    assertEquals(40, alert.value());
    assertEquals(AlertState.ACTIVE, alert.state());
    assertEquals(T0.plusSeconds(60), alert.sourceTime());
    assertEquals(T0.plusSeconds(62).plusMillis(100), alert.raisedAt(), "raised when the reading that released it arrived");
    assertTrue(alert.deviation() > 4, "z = " + alert.deviation());

    DeliverAlerts delivered = hub.receiveMessage();
    assertEquals(1, delivered.changes().size());
    assertEquals(alert, delivered.changes().get(0).alert());
    record(twin, temp(20, 63)); // any event while unconfirmed sends the outbox again (here with the clear)
    DeliverAlerts again = hub.receiveMessage();
    assertEquals(delivered.changes().get(0), again.changes().get(0));
    assertEquals(2, again.changes().size());

    twin.runCommand(new ConfirmAlerts(delivered.changes().get(0).number()));
    assertEquals(1, twin.getState().alerts().undelivered().size(), "only what was confirmed is forgotten");
    twin.runCommand(new ConfirmAlerts(again.changes().get(1).number()));
    assertEquals(List.of(), twin.getState().alerts().undelivered());
  }

  @Test
  void anAlertIsAcknowledgedThenClearedWhenTheSignalIsNormalAgain() {
    noiseThenSpike(40);
    String id = view(twin).alerts().get(0).id();
    StatusReply<Alert> acked = twin.<StatusReply<Alert>>runCommand(r -> new AcknowledgeAlert(id, T0.plusSeconds(70), r))
        .reply();
    assertEquals(AlertState.ACKNOWLEDGED, acked.getValue().state());
    assertEquals(T0.plusSeconds(70), acked.getValue().acknowledgedAt());
    assertTrue(twin.<StatusReply<Alert>>runCommand(r -> new AcknowledgeAlert(id + "0", T0, r)).reply().isError());

    record(twin, temp(20, 63)); // releases second 61, a normal reading: |z| < 2 clears
    assertEquals(List.of(), view(twin).alerts());
    List<AlertState> changes = twin.getState().alerts().undelivered().stream().map(c -> c.alert().state()).toList();
    assertEquals(List.of(AlertState.ACTIVE, AlertState.ACKNOWLEDGED, AlertState.CLEARED), changes);
  }

  @Test
  void aSecondBreachWhileTheAlertIsOpenDoesNotOpenAnother() {
    noiseThenSpike(40);
    record(twin, temp(45, 63));
    record(twin, temp(20, 64));
    record(twin, temp(20, 65));
    assertTrue(view(twin).alerts().size() <= 1, view(twin).alerts().toString());
  }

  @Test
  void anInvalidConfigurationIsRefusedNamingTheKey() {
    StatusReply<TwinConfig> badWindow = configure(TwinConfig.of(Map.of("detectors",
        Map.of("temperature", List.of(Map.of("type", "zscore", "window", 2))))));
    assertTrue(badWindow.isError());
    assertTrue(badWindow.getError().getMessage().contains("detectors.temperature[0].window"),
        badWindow.getError().getMessage());
    StatusReply<TwinConfig> unknown = configure(TwinConfig.of(Map.of("heartbeat", "PT5S")));
    assertTrue(unknown.getError().getMessage().contains("unknown key 'heartbeat'"), unknown.getError().getMessage());
    StatusReply<TwinConfig> badTimeout = configure(TwinConfig.of(Map.of("heartbeat-timeout", "soon")));
    assertTrue(badTimeout.getError().getMessage().contains("heartbeat-timeout"), badTimeout.getError().getMessage());
    assertEquals(QUICK_ZSCORE, twin.getState().config(), "a refused configuration changes nothing");
  }

  static StatusReply<TwinConfig> configure(TwinConfig config) {
    return twin.<StatusReply<TwinConfig>>runCommand(r -> new Configure(config, r)).reply();
  }
}
