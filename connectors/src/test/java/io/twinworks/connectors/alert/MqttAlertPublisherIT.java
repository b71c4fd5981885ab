package io.twinworks.connectors.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.testsupport.MosquittoBroker;
import io.twinworks.twins.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.pekko.Done;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqttAlertPublisherIT {

  private static final long WAIT_SECONDS = 10;
  private static final String TOPIC = "twinworks/alerts/acme/acme:p1:r1:pk7";
  private static MosquittoBroker broker;

  private final Alert alert = Alerts.complete();
  private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
  private MqttSettings connection;
  private MqttAlertPublisher publisher;
  private MqttClient subscriber;

  /** A message the test subscriber received. */
  private record Message(String topic, String payload, boolean retained) {}

  @BeforeAll
  static void startBroker() {
    broker = MosquittoBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void stop() throws MqttException {
    broker.resume();
    if (publisher != null) {
      publisher.close();
    }
    if (subscriber != null) {
      if (subscriber.isConnected()) {
        subscriber.disconnect();
      }
      subscriber.close();
    }
  }

  private void start(String alertsHocon) throws Exception {
    connection = MqttSettings.create(ConfigFactory.parseString("twinworks.mqtt { min-backoff = 50ms, max-backoff = 200ms }")
        .withFallback(ConfigFactory.load())).withUrl(broker.url()).withClientId("it-" + UUID.randomUUID());
    MqttAlertSettings settings = MqttAlertSettings.create(
        ConfigFactory.parseString(alertsHocon).withFallback(ConfigFactory.load()));
    publisher = MqttAlertPublisher.start(connection, settings);
    publisher.firstConnection().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private void subscribe() throws MqttException {
    subscriber = new MqttClient(broker.url(), "it-sub-" + UUID.randomUUID(), new MemoryPersistence());
    subscriber.connect();
    subscriber.subscribe("twinworks/alerts/#", 1, (topic, message) -> received.add(
        new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained())));
  }

  private CompletableFuture<Done> publish() {
    return publisher.publish(alert).toCompletableFuture();
  }

  private Message next() throws InterruptedException {
    return received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<Done> publish) {
    return assertThrows(ExecutionException.class, () -> publish.get(WAIT_SECONDS, TimeUnit.SECONDS)).getCause();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  @Test
  void publishesTheAlertJsonToTenantAndTwinTopicNotRetained() throws Exception {
    start("");
    assertEquals(connection.clientId() + "-alerts", publisher.clientId());
    subscribe();
    publish().get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(new Message(TOPIC, AlertJson.string(alert), false), next());
  }

  @Test
  void completesOnlyAfterTheBrokersPuback() throws Exception {
    start("");
    subscribe();
    broker.pause();
    CompletableFuture<Done> publish;
    try {
      publish = publish();
      TimeUnit.MILLISECONDS.sleep(500);
      assertFalse(publish.isDone(), "completed while the broker could not acknowledge");
    } finally {
      broker.resume();
    }
    publish.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(TOPIC, next().topic());
  }

  @Test
  void aMissingPubackTimesOutAndTheConnectionIsMadeAgain() throws Exception {
    start("twinworks.alerts.mqtt.publish-timeout = 300ms");
    broker.pause();
    try {
      assertInstanceOf(TimeoutException.class, failure(publish()));
      await(() -> !publisher.isConnected(), "the stuck connection is dropped");
    } finally {
      broker.resume();
    }
    await(publisher::isConnected, "the publisher is connected again");
    subscribe();
    publish().get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(TOPIC, next().topic());
  }

  @Test
  void reconnectsAfterTheBrokerRestarts() throws Exception {
    start("");
    publish().get(WAIT_SECONDS, TimeUnit.SECONDS);
    broker.stop();
    try {
      await(() -> !publisher.isConnected(), "the publisher sees the broker gone");
      MqttException down = assertInstanceOf(MqttException.class, failure(publish()));
      assertEquals(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED, down.getReasonCode());
    } finally {
      broker.startAgain();
    }
    await(publisher::isConnected, "the publisher reconnects");
    subscribe();
    publish().get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(new Message(TOPIC, AlertJson.string(alert), false), next());
  }

  @Test
  void boundsThePublishesAwaitingPuback() throws Exception {
    start("twinworks.alerts.mqtt.max-in-flight = 1");
    broker.pause();
    CompletableFuture<Done> first;
    try {
      first = publish();
      Throwable second = failure(publish());
      assertInstanceOf(IllegalStateException.class, second);
      assertTrue(second.getMessage().contains("max-in-flight"), second.getMessage());
    } finally {
      broker.resume();
    }
    first.get(WAIT_SECONDS, TimeUnit.SECONDS);
    publish().get(WAIT_SECONDS, TimeUnit.SECONDS); // the permit came back
  }

  @Test
  void shutdownDisconnectsAndLaterPublishesFail() throws Exception {
    start("");
    publisher.shutdown().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertFalse(publisher.isConnected());
    assertEquals("the MQTT alert publisher is closed",
        assertInstanceOf(IllegalStateException.class, failure(publish())).getMessage());
  }
}
