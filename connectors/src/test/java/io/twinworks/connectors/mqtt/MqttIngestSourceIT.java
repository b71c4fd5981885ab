package io.twinworks.connectors.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqttIngestSourceIT {

  private static final String TOPIC = "factory/line1/cnc01/telemetry";
  private static MosquittoBroker broker;
  private static ActorSystem system;

  @BeforeAll
  static void start() {
    broker = MosquittoBroker.start();
    system = ActorSystem.create("mqtt-it", ConfigFactory.parseString("pekko.loglevel = WARNING")
        .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    broker.close();
  }

  /** A running ingest stream: its received messages, and a switch to stop it. */
  private record Running(MqttIngestSource ingest, BlockingQueue<MqttMessageWithAck> received, UniqueKillSwitch stop) {

    MqttMessageWithAck next() throws InterruptedException {
      return received.poll(10, TimeUnit.SECONDS);
    }
  }

  private static Running run(String clientId) throws Exception {
    MqttSettings settings = MqttSettings.create(ConfigFactory.load()).withUrl(broker.url()).withClientId(clientId);
    MqttIngestSource ingest = MqttIngestSource.create(settings, List.of("factory/+/+/telemetry"));
    BlockingQueue<MqttMessageWithAck> received = new LinkedBlockingQueue<>();
    Pair<UniqueKillSwitch, ?> mat = ingest.source()
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.foreach(received::add), Keep.both())
        .run(system);
    ingest.firstSubscription().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new Running(ingest, received, mat.first());
  }

  private static void publish(String payload) throws MqttException {
    MqttClient publisher = new MqttClient(broker.url(), "it-pub-" + UUID.randomUUID(), new MemoryPersistence());
    publisher.connect();
    publisher.publish(TOPIC, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    publisher.disconnect();
    publisher.close();
  }

  private static String text(MqttMessageWithAck message) {
    return message.message().payload().utf8String();
  }

  @Test
  void receivesQos1MessagesAndAcksThem() throws Exception {
    Running running = run("it-" + UUID.randomUUID());
    assertTrue(running.ingest().isSubscribed());
    publish("{\"signal_name\":\"s\",\"value\":1}");
    publish("{\"signal_name\":\"s\",\"value\":2}");
    MqttMessageWithAck first = running.next();
    MqttMessageWithAck second = running.next();
    assertEquals(TOPIC, first.message().topic());
    assertEquals("{\"signal_name\":\"s\",\"value\":1}", text(first));
    assertEquals("{\"signal_name\":\"s\",\"value\":2}", text(second));
    first.ack().toCompletableFuture().get(5, TimeUnit.SECONDS);
    second.ack().toCompletableFuture().get(5, TimeUnit.SECONDS);
    running.stop().shutdown();
  }

  @Test
  void unackedMessageIsRedeliveredToTheSameClientIdAndAckedOneIsNot() throws Exception {
    String clientId = "it-" + UUID.randomUUID();
    Running first = run(clientId);
    publish("unacked");
    assertEquals("unacked", text(first.next()));
    first.stop().shutdown();
    awaitUnsubscribed(first.ingest());

    Running second = run(clientId);
    MqttMessageWithAck redelivered = second.next();
    assertEquals("unacked", text(redelivered));
    redelivered.ack().toCompletableFuture().get(5, TimeUnit.SECONDS);
    second.stop().shutdown();
    awaitUnsubscribed(second.ingest());

    Running third = run(clientId);
    assertNull(third.received().poll(1, TimeUnit.SECONDS));
    third.stop().shutdown();
  }

  private static void awaitUnsubscribed(MqttIngestSource ingest) throws InterruptedException {
    for (int i = 0; i < 100 && ingest.isSubscribed(); i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertTrue(!ingest.isSubscribed(), "the stream did not stop");
  }
}
