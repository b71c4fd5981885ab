package io.twinworks.runtime.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {

  private static final int MESSAGES = 1_000;

  @TempDir Path dataDir;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** Clients first, then brokers: the reverse of how they were started. */
  @AfterEach
  void stopEverything() throws Exception {
    Exception first = null;
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Test
  void roundTripsQos1InProcess() throws Exception {
    EmbeddedBroker broker = register(EmbeddedBroker.start(settings(freePort())));
    CountDownLatch received = new CountDownLatch(1);
    List<String> payloads = new ArrayList<>();

    MqttClient sub = connect(broker.url(), "it-sub", true);
    IMqttMessageListener onMessage =
        (topic, message) -> {
          payloads.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8));
          received.countDown();
        };
    sub.subscribe("factory/#", 1, onMessage);

    MqttClient pub = connect(broker.url(), "it-pub", true);
    pub.publish("factory/line1/cnc01/telemetry", "{\"v\":1}".getBytes(StandardCharsets.UTF_8), 1, false);

    assertTrue(received.await(10, TimeUnit.SECONDS), "message not delivered");
    assertEquals(List.of("factory/line1/cnc01/telemetry={\"v\":1}"), payloads);
  }

  @Test
  void refusesAPortInUseWithAHint() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> EmbeddedBroker.start(settings(taken.getLocalPort())));
      assertEquals(
          "MQTT port "
              + taken.getLocalPort()
              + " is in use: set twinworks.mqtt.embedded-broker.port / TWINWORKS_MQTT_PORT"
              + " or point twinworks.mqtt.url at your broker",
          e.getMessage());
    }
  }

  /** The durability promise: PUBACKed QoS 1 messages for an offline persistent session survive kill -9. */
  @Test
  void keepsAcknowledgedMessagesForAnOfflineSessionAcrossKill9() throws Exception {
    int port = freePort();
    String url = "tcp://127.0.0.1:" + port;
    BrokerProcess first = register(BrokerProcess.start(port, dataDir));

    MqttClient subscriber = connect(url, "it-durable-sub", false);
    subscriber.subscribe("t/#", 1);
    subscriber.disconnect();
    subscriber.close();

    publishAllAcknowledged(url, MESSAGES);
    first.kill();

    register(BrokerProcess.start(port, dataDir));
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger deliveries = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(MESSAGES);
    MqttClient resumed = new MqttClient(url, "it-durable-sub", new MemoryPersistence());
    toClose.add(() -> closeQuietly(resumed));
    resumed.setCallback(
        new CollectingCallback(
            payload -> {
              deliveries.incrementAndGet();
              if (seen.add(payload)) {
                all.countDown();
              }
            }));
    IMqttToken connected = resumed.connectWithResult(options(false));

    boolean complete = all.await(60, TimeUnit.SECONDS);
    System.out.printf(
        "kill -9 durability: %d/%d distinct messages after restart, %d deliveries%n",
        seen.size(), MESSAGES, deliveries.get());
    assertTrue(connected.getSessionPresent(), "persistent session lost across kill -9");
    assertTrue(complete, "lost messages: received " + seen.size() + "/" + MESSAGES);
  }

  private void publishAllAcknowledged(String url, int count) throws MqttException {
    MqttAsyncClient pub = new MqttAsyncClient(url, "it-burst-pub", new MemoryPersistence());
    try {
      MqttConnectOptions options = options(true);
      options.setMaxInflight(count);
      pub.connect(options).waitForCompletion(10_000);
      List<IMqttDeliveryToken> tokens = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        tokens.add(pub.publish("t/data", Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false));
      }
      for (IMqttDeliveryToken token : tokens) {
        token.waitForCompletion(30_000); // returns on PUBACK, throws on failure or timeout
      }
      pub.disconnect().waitForCompletion(10_000);
    } finally {
      pub.close(true);
    }
  }

  private MqttClient connect(String url, String clientId, boolean cleanSession) throws MqttException {
    MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
    toClose.add(() -> closeQuietly(client));
    client.connect(options(cleanSession));
    return client;
  }

  private static MqttConnectOptions options(boolean cleanSession) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(cleanSession);
    options.setConnectionTimeout(10);
    return options;
  }

  private static void closeQuietly(MqttClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect(1_000);
      }
      client.close(true);
    } catch (MqttException ignored) {
      // already closed, or the broker is gone
    }
  }

  private <T extends AutoCloseable> T register(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private BrokerSettings settings(int port) {
    return new BrokerSettings("127.0.0.1", port, dataDir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record CollectingCallback(java.util.function.Consumer<String> onPayload) implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {}

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      onPayload.accept(new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
