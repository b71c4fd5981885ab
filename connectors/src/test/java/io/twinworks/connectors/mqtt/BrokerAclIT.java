package io.twinworks.connectors.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.route.Decoded;
import io.twinworks.connectors.route.TopicRoutes;
import io.twinworks.testsupport.SecureMosquitto;
import io.twinworks.testsupport.TestPki;
import io.twinworks.twins.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped secure Mosquitto configuration and ACL (cluster-config/mosquitto) keep tenants apart, and Twinworks'
 * MQTT clients talk to it over TLS with their user.
 */
class BrokerAclIT {

  private static final String RUNTIME_PASSWORD = "runtime-pw";
  private static final String ACME_PASSWORD = "acme-pw";
  private static final String BETA_PASSWORD = "beta-pw";
  private static final String ACME_CELL = "tenants/acme/plants/p1/racks/r1/packs/pk1/cells/1/voltage";
  private static final String BETA_CELL = "tenants/beta/plants/p1/racks/r1/packs/pk1/cells/1/voltage";

  private static SecureMosquitto broker;
  private static ActorSystem system;

  @BeforeAll
  static void start() {
    broker = SecureMosquitto.start(
        Map.of("twinworks", RUNTIME_PASSWORD, "acme", ACME_PASSWORD, "beta", BETA_PASSWORD), false);
    system = ActorSystem.create("broker-acl-it", ConfigFactory.parseString("pekko.loglevel = WARNING")
        .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    broker.close();
  }

  /** Settings as Twinworks reads them: this user, the test CA as trust store, plus any further HOCON. */
  private static MqttSettings settings(String user, String password, String more) {
    String hocon = "twinworks.mqtt { url = \"" + broker.url() + "\", client-id = \"it-" + UUID.randomUUID() + "\""
        + (user == null ? "" : ", username = " + user + ", password = " + password)
        + ", tls.trust-store = \"" + broker.pki().file("ca.pem") + "\" }\n" + more;
    return parsed(hocon);
  }

  private static MqttSettings parsed(String hocon) {
    return MqttSettings.create(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  private static MqttClient connect(MqttSettings settings) throws MqttException {
    MqttClient client = new MqttClient(settings.url(), settings.clientId(), new MemoryPersistence());
    MqttConnectOptions options = settings.connectOptions();
    options.setCleanSession(true);
    client.connect(options);
    return client;
  }

  private static MqttClient connect(String user, String password) throws MqttException {
    return connect(settings(user, password, ""));
  }

  /** Messages a client receives on a filter, topic and payload as "topic payload". */
  private static BlockingQueue<String> subscribe(MqttClient client, String filter) throws MqttException {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    client.subscribe(filter, 1, (topic, message) -> received.add(topic + " " + text(message)));
    return received;
  }

  private static String text(MqttMessage message) {
    return new String(message.getPayload(), StandardCharsets.UTF_8);
  }

  private static void publish(MqttClient client, String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  @Test
  void aTenantPublishesIntoItsOwnNamespaceOnlyAndTheRuntimeReadsIt() throws Exception {
    MqttClient runtime = connect("twinworks", RUNTIME_PASSWORD);
    MqttClient acme = connect("acme", ACME_PASSWORD);
    try {
      BlockingQueue<String> seen = subscribe(runtime, "#");
      publish(acme, BETA_CELL, "3.1");                      // into beta's namespace: dropped by the broker
      publish(acme, "spBv1.0/beta/NDATA/edge1", "x");       // beta's Sparkplug group: dropped
      publish(acme, "factory/line1/cnc01/telemetry", "{}"); // the default tenant's: dropped
      publish(acme, ACME_CELL, "3.7");                      // its own: delivered
      publish(acme, "spBv1.0/acme/NDATA/edge1", "y");       // its own Sparkplug group: delivered
      // MQTT delivers one client's messages in order: after the last allowed one, nothing refused can follow.
      assertEquals(ACME_CELL + " 3.7", seen.poll(10, TimeUnit.SECONDS));
      assertEquals("spBv1.0/acme/NDATA/edge1 y", seen.poll(10, TimeUnit.SECONDS));
      assertNull(seen.poll(500, TimeUnit.MILLISECONDS), "a refused publish reached the runtime");
    } finally {
      acme.disconnect();
      runtime.disconnect();
    }
  }

  @Test
  void aTenantCannotReadAnotherTenantsTopicsWhateverItSubscribesTo() throws Exception {
    MqttClient acme = connect("acme", ACME_PASSWORD);
    MqttClient beta = connect("beta", BETA_PASSWORD);
    try {
      BlockingQueue<String> seen = new LinkedBlockingQueue<>();
      // Mosquitto 2.0 grants these subscriptions and checks read access per message as it delivers.
      for (String filter : List.of("tenants/beta/#", "tenants/+/plants/#", "#", "spBv1.0/beta/#", "tenants/acme/#")) {
        acme.subscribe(filter, 1, (topic, message) -> seen.add(topic + " " + text(message)));
      }
      publish(beta, BETA_CELL, "3.2");
      publish(beta, "spBv1.0/beta/NDATA/edge1", "z");
      publish(beta, "tenants/beta/marker", "last");
      BlockingQueue<String> betaOwn = subscribe(beta, "tenants/beta/#");
      publish(beta, "tenants/beta/marker", "after");
      assertEquals("tenants/beta/marker after", betaOwn.poll(10, TimeUnit.SECONDS), "beta reads its own topics");
      publish(acme, ACME_CELL, "3.8");
      assertEquals(ACME_CELL + " 3.8", seen.poll(10, TimeUnit.SECONDS));
      TimeUnit.MILLISECONDS.sleep(500);
      List<String> leaked = seen.stream().filter(m -> !m.startsWith(ACME_CELL)).toList();
      assertEquals(List.of(), leaked, "acme read messages of beta");
    } finally {
      acme.disconnect();
      beta.disconnect();
    }
  }

  @Test
  void anonymousClientsAndWrongPasswordsAreRefused() {
    MqttException anonymous = assertThrows(MqttException.class, () -> connect(settings(null, null, "")));
    assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, anonymous.getReasonCode(), anonymous.toString());
    MqttException wrong = assertThrows(MqttException.class, () -> connect("acme", BETA_PASSWORD));
    assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, wrong.getReasonCode(), wrong.toString());
  }

  @Test
  void aClientThatDoesNotTrustTheBrokersCaFailsTheHandshake() {
    MqttSettings untrusting = settings("acme", ACME_PASSWORD,
        "twinworks.mqtt.tls.trust-store = \"" + broker.pki().file("other-ca.pem") + "\"");
    MqttException failed = assertThrows(MqttException.class, () -> connect(untrusting));
    assertInstanceOf(SSLHandshakeException.class, failed.getCause(), failed.toString());
  }

  @Test
  void theBrokersHostNameIsVerified() throws Exception {
    // The certificate names 127.0.0.1 and localhost, not the host name this machine has.
    String host = java.net.InetAddress.getLocalHost().getHostName();
    String other = "twinworks.mqtt.url = \"ssl://" + host + ":" + broker.port() + "\"";
    assumeTrue(!host.equals("localhost") && java.net.InetAddress.getByName(host).isLoopbackAddress(),
        "no second loopback name to reach the broker by");
    MqttException failed = assertThrows(MqttException.class, () -> connect(settings("acme", ACME_PASSWORD, other)));
    assertInstanceOf(SSLHandshakeException.class, failed.getCause(), failed.toString());
    connect(settings("acme", ACME_PASSWORD, other + "\ntwinworks.mqtt.tls.verify-hostname = false")).disconnect();
  }

  @Test
  void theIngestClientReceivesATenantsReadingOverTls() throws Exception {
    TopicRoutes routes = TopicRoutes.fromConfig(ConfigFactory.load());
    MqttIngestSource ingest = MqttIngestSource.create(settings("twinworks", RUNTIME_PASSWORD, ""),
        routes.subscriptions());
    BlockingQueue<MqttMessageWithAck> received = new LinkedBlockingQueue<>();
    UniqueKillSwitch stop = ingest.source()
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.foreach(received::add), Keep.left())
        .run(system);
    try {
      ingest.firstSubscription().toCompletableFuture().get(20, TimeUnit.SECONDS);
      MqttClient acme = connect("acme", ACME_PASSWORD);
      publish(acme, ACME_CELL, "{\"value\":3.71,\"timestamp\":\"2026-01-01T00:00:00Z\"}");
      acme.disconnect();
      MqttMessageWithAck message = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(message, "no message over TLS; broker log: " + broker.log());
      Decoded decoded = routes.decode(message.message().topic(), message.message().payload().toArray(),
          Instant.parse("2026-01-01T00:00:01Z"));
      Reading reading = assertInstanceOf(Decoded.Accepted.class, decoded, decoded::toString).readings().get(0);
      assertEquals("acme:p1:r1:pk1", reading.twinId().value());
      assertEquals("cell.1.voltage", reading.signal());
      assertEquals(3.71, reading.value());
      message.ack().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } finally {
      stop.shutdown();
    }
  }

  @Test
  void aBrokerThatRequiresCertificatesTakesTwinworksClientCertificate() throws Exception {
    try (SecureMosquitto strict = SecureMosquitto.start(Map.of("twinworks", RUNTIME_PASSWORD), true)) {
      String base = "twinworks.mqtt { url = \"" + strict.url() + "\", username = twinworks, password = "
          + RUNTIME_PASSWORD + ", tls.trust-store = \"" + strict.pki().file("ca.pem") + "\" }\n";
      String p12 = "twinworks.mqtt.tls { key-store = \"" + strict.pki().file("client.p12") + "\", key-store-password = "
          + TestPki.P12_PASSWORD + " }";
      String pem = "twinworks.mqtt.tls { client-certificate = \"" + strict.pki().file("client.pem")
          + "\", client-key = \"" + strict.pki().file("client-key.pem") + "\" }";
      connect(parsed(base + p12)).disconnect();
      connect(parsed(base + pem)).disconnect();
      MqttException without = assertThrows(MqttException.class, () -> connect(parsed(base)));
      assertTrue(without.getCause() instanceof javax.net.ssl.SSLException
          || without.getCause() instanceof java.net.SocketException, without.toString());
    }
  }
}
