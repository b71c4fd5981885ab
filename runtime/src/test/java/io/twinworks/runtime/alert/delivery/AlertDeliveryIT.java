package io.twinworks.runtime.alert.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.persistence.EmbeddedStore;
import io.twinworks.testsupport.MosquittoBroker;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert changes appended to a real H2 alert log reach a real Mosquitto and real HTTP endpoints on loopback through
 * {@link AlertDeliveries}: in order, once, across a restart of the delivery, past a dead endpoint and a broker outage.
 */
class AlertDeliveryIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final TwinId TWIN = TwinId.of("acme:line1:cnc01");
  private static final Instant RAISED = Instant.parse("2026-11-20T10:00:00Z");
  private static MosquittoBroker broker;
  private static ActorTestKit testKit;
  private static WebhookSink webhooks;

  @TempDir Path dir;
  private ExecutorService blocking;
  private EmbeddedStore store;
  private Config config;
  private String healthyPath;
  private String downPath;
  private AlertTopicSubscriber subscriber;
  private AlertDeliveries deliveries;

  @BeforeAll
  static void startServers() {
    broker = MosquittoBroker.startPersistent();
    webhooks = WebhookSink.start();
    testKit = ActorTestKit.create("alert-delivery-it",
        ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stopServers() {
    testKit.shutdownTestKit();
    webhooks.close();
    broker.close();
  }

  @BeforeEach
  void open() throws Exception {
    // Each test has its own endpoints (by path prefix), store and subscriber.
    String test = "/" + UUID.randomUUID();
    healthyPath = test + "/healthy";
    downPath = test + "/down";
    config = ConfigFactory.load(ConfigFactory.parseString(String.join("\n",
        "twinworks.data-dir = \"" + dir.toAbsolutePath() + "\"",
        "twinworks.mqtt { min-backoff = 50ms, max-backoff = 200ms }",
        "twinworks.alerts {",
        "  poll-interval = 20ms",
        "  delivery { min-backoff = 50ms, max-backoff = 200ms, stop-timeout = 2s }",
        "  mqtt.publish-timeout = 2s",
        "  webhooks = [",
        "    { name = healthy, url = \"" + webhooks.url(healthyPath) + "\" }",
        // Gives up on each change after 3 attempts 200 ms and 400 ms apart: about 0.6 s a change.
        "    { name = down, url = \"" + webhooks.url(downPath) + "\", max-attempts = 3,",
        "      min-backoff = 200ms, max-backoff = 400ms, random-factor = 0 }",
        "  ]",
        "}"))
        .withFallback(ConfigFactory.parseResources("twinworks-embedded-store.conf")));
    blocking = Executors.newFixedThreadPool(4);
    store = EmbeddedStore.open(config, blocking);
    subscriber = new AlertTopicSubscriber(broker.url());
  }

  @AfterEach
  void close() throws Exception {
    if (deliveries != null) {
      await(deliveries.stop());
    }
    subscriber.close();
    store.close();
    blocking.shutdownNow();
  }

  @Test
  void changesArriveOnTheTopicAndAtTheWebhookInOrderEachOnce() throws Exception {
    startDeliveries();
    append(1, 5);
    awaitIds(() -> subscriber.alertIds(), ids(1, 5));
    awaitIds(() -> healthyIds(), ids(1, 5));
    Thread.sleep(300); // nothing more comes
    assertEquals(ids(1, 5), subscriber.alertIds());
    assertEquals(ids(1, 5), healthyIds());
    assertEquals(LongStream.rangeClosed(1, 5).boxed().toList(),
        webhooks.requests(healthyPath).stream().map(WebhookSink.Request::delivery).toList(), "X-Twinworks-Delivery");
    assertEquals(5, channel("mqtt").metrics().delivered());
    assertEquals(0, channel("mqtt").metrics().lag());
  }

  @Test
  void afterARestartOnlyTheChangesAfterTheSavedCursorAreDelivered() throws Exception {
    append(1, 1); // before the channels existed: never sent
    startDeliveries();
    append(2, 4);
    awaitIds(() -> subscriber.alertIds(), ids(2, 4));
    awaitIds(() -> healthyIds(), ids(2, 4));
    await(deliveries.stop());

    append(5, 7);
    Thread.sleep(200);
    assertEquals(ids(2, 4), subscriber.alertIds(), "nothing is sent while stopped");
    startDeliveries();
    awaitIds(() -> subscriber.alertIds(), ids(2, 7));
    awaitIds(() -> healthyIds(), ids(2, 7));
    Thread.sleep(300);
    assertEquals(ids(2, 7), subscriber.alertIds());
    assertEquals(ids(2, 7), healthyIds());
    assertEquals(7L, await(store.deliveryCursors().cursor("mqtt")).getAsLong());
    assertEquals(7L, await(store.deliveryCursors().cursor("webhook:healthy")).getAsLong());
  }

  @Test
  void aDeadWebhookDelaysNeitherAHealthyOneNorMqttAndIsGivenUpOnChangeByChange() throws Exception {
    startDeliveries();
    long start = System.nanoTime();
    append(1, 5);
    awaitIds(() -> subscriber.alertIds(), ids(1, 5));
    awaitIds(() -> healthyIds(), ids(1, 5));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    // The dead endpoint takes about 0.6 s per change (attempts at 0, 0.2 and 0.6 s), 3 s for all five.
    assertTrue(elapsedMillis < 2_000, "healthy channels took " + elapsedMillis + " ms");
    assertTrue(channel("webhook:down").metrics().dropped() < 5, "the dead endpoint was not done yet");

    awaitTrue(() -> channel("webhook:down").metrics().dropped() == 5);
    assertEquals(15, webhooks.requests(downPath).size(), "3 attempts for each of 5 changes");
    // The cursor is saved right after a change is given up on, so it may trail the dropped count briefly.
    awaitTrue(() -> await(store.deliveryCursors().cursor("webhook:down")).orElse(0) == 5); // moved on past each
    assertEquals(0, channel("webhook:down").metrics().delivered());
  }

  @Test
  void changesAppendedWhileTheBrokerIsDownArriveInOrderWhenItIsBack() throws Exception {
    startDeliveries();
    append(1, 2);
    awaitIds(() -> subscriber.alertIds(), ids(1, 2));

    broker.stop();
    append(3, 6);
    awaitTrue(() -> channel("mqtt").metrics().retries() >= 2);
    assertEquals(2, channel("mqtt").metrics().delivered());
    assertEquals(2L, await(store.deliveryCursors().cursor("mqtt")).getAsLong(), "the cursor waits");
    awaitIds(() -> healthyIds(), ids(1, 6)); // the webhook goes on meanwhile

    broker.startAgain();
    awaitTrue(() -> subscriber.alertIds().containsAll(ids(1, 6)));
    // QoS 1 may repeat a message around the outage, never reorder: without repeats it is 1..6.
    assertEquals(ids(1, 6), subscriber.alertIds().stream().distinct().toList());
    assertEquals(6L, await(store.deliveryCursors().cursor("mqtt")).getAsLong());
  }

  private void startDeliveries() {
    MqttSettings connection = MqttSettings.create(config).withUrl(broker.url()).withClientId("it-" + UUID.randomUUID());
    deliveries = AlertDeliveries.start(testKit.system(), config, store.alerts(), store.deliveryCursors(), connection);
    await(deliveries.started()); // a new channel starts at the last seq then in the log
  }

  private AlertDelivery channel(String name) {
    return deliveries.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private List<String> healthyIds() {
    return webhooks.alertIds(healthyPath);
  }

  /** Appends changes {@code from..to}, seq n raising alert n, one after the other as the alert hub does. */
  private void append(long from, long to) {
    for (long n = from; n <= to; n++) {
      await(store.alerts().append(n, new Alert(Alert.id(TWIN, n), TWIN, "threshold", Severity.WARNING, "temperature",
          80 + n, Double.NaN, Double.NaN, "threshold", AlertState.ACTIVE, RAISED, null, null, null, Map.of())));
    }
  }

  private static List<String> ids(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(n -> Alert.id(TWIN, n)).toList();
  }

  private static void awaitIds(java.util.function.Supplier<List<String>> actual, List<String> expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (actual.get().size() < expected.size() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(expected, actual.get());
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + WAIT);
      Thread.sleep(20);
    }
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
