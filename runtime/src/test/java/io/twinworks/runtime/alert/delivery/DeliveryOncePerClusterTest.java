package io.twinworks.runtime.alert.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.runtime.cluster.TwoNodes;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The delivery channels run on one node of a two-node cluster (a webhook endpoint gets each change once, not once per
 * node), and move to the other node when theirs leaves, going on from the cursor the first one saved.
 */
class DeliveryOncePerClusterTest {

  private static final TwinId TWIN = TwinId.of("acme:line1:press7");
  private static final Instant RAISED = Instant.parse("2026-11-22T10:00:00Z");
  private static final String PATH = "/" + UUID.randomUUID() + "/ops";
  private static final WebhookSink webhooks = WebhookSink.start();
  private static final TwoNodes nodes = new TwoNodes("DeliveryOncePerClusterTest", """
      twinworks.alerts.poll-interval = 20ms
      twinworks.alerts.mqtt.enabled = false
      twinworks.alerts.webhooks = [ { name = ops, url = "%s" } ]
      """.formatted(webhooks.url(PATH)));

  @AfterAll
  static void shutdown() {
    nodes.close();
    webhooks.close();
  }

  @Test
  void oneNodeRunsTheChannelsAndTheOtherTakesOverWhenItLeaves() {
    DeliverySingleton onFirst = start(nodes.first());
    DeliverySingleton onSecond = start(nodes.second());
    nodes.eventually(() -> onFirst.channelsHere().size() == 1);
    await(onFirst.channelsHere().get(0).started()); // a new channel starts after the log's last seq, 0
    assertEquals(List.of(), onSecond.channelsHere());

    append(1, 5);
    nodes.eventually(() -> webhooks.alertIds(PATH).size() >= 5 && cursor() == 5);
    assertEquals(ids(1, 5), webhooks.alertIds(PATH));
    assertEquals(List.of(), onSecond.channelsHere(), "the second node never ran a channel meanwhile");

    nodes.firstLeaves();
    nodes.eventually(() -> onSecond.channelsHere().size() == 1);
    assertEquals(List.of(), onFirst.channelsHere());
    append(6, 8);
    nodes.eventually(() -> webhooks.alertIds(PATH).size() >= 8);
    assertEquals(ids(1, 8), webhooks.alertIds(PATH), "each change once, in order, across the hand-over");
  }

  private static DeliverySingleton start(ActorSystem<?> node) {
    return DeliverySingleton.start(node, DeliveryPlan.create(nodes.config()), nodes.store().alerts(),
        nodes.store().deliveryCursors(), MqttSettings.create(nodes.config().getConfig("twinworks.mqtt")));
  }

  private static long cursor() {
    return await(nodes.store().deliveryCursors().cursor("webhook:ops")).orElse(-1);
  }

  /** Appends changes {@code from..to}, seq n raising alert n, one after the other as the alert hub does. */
  private static void append(long from, long to) {
    for (long n = from; n <= to; n++) {
      await(nodes.store().alerts().append(n, new Alert(Alert.id(TWIN, n), TWIN, "threshold", Severity.WARNING,
          "temperature", 80 + n, Double.NaN, Double.NaN, "threshold", AlertState.ACTIVE, RAISED, null, null, null,
          Map.of())));
    }
  }

  private static List<String> ids(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(n -> Alert.id(TWIN, n)).toList();
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TwoNodes.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
