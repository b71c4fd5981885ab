package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.testsupport.SecureMosquitto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime against the shipped secure Mosquitto (TLS, passwords, the tenant ACL): it logs in over TLS as
 * {@code twinworks}, a tenant's reading reaches the tenant's twin, what the tenant aims at another tenant's namespace
 * reaches no twin, and the password appears nowhere in the runtime's output.
 */
class SecureBrokerIngestIT {

  private static final String RUNTIME_PASSWORD = "runtime-secret-4711";
  private static final String ACME_PASSWORD = "acme-pw";
  private static final String ACME_CELL = "tenants/acme/plants/p1/racks/r1/packs/pk1/cells/1/voltage";

  private static SecureMosquitto broker;
  private static RuntimeProcess runtime;
  private static MqttClient acme;

  @BeforeAll
  static void start() throws Exception {
    broker = SecureMosquitto.start(Map.of("twinworks", RUNTIME_PASSWORD, "acme", ACME_PASSWORD), false);
    Path data = Files.createTempDirectory("twinworks-secure-broker-it");
    runtime = RuntimeProcess.start(data, RuntimeProcess.Ports.free(), Map.of(
        "twinworks.mqtt.url", broker.url(),
        "twinworks.mqtt.username", "twinworks",
        "twinworks.mqtt.password", RUNTIME_PASSWORD,
        "twinworks.mqtt.tls.trust-store", broker.pki().file("ca.pem").toString()));
    MqttSettings device = MqttSettings.create(ConfigFactory.parseString("twinworks.mqtt { url = \"" + broker.url()
        + "\", username = acme, password = " + ACME_PASSWORD + ", tls.trust-store = \"" + broker.pki().file("ca.pem")
        + "\" }").withFallback(ConfigFactory.load()));
    acme = new MqttClient(broker.url(), "it-acme-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = device.connectOptions();
    options.setCleanSession(true);
    acme.connect(options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (acme != null && acme.isConnected()) {
      acme.disconnect();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static void publish(String topic, String payload) throws Exception {
    acme.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  @Test
  void aTenantsReadingOverTlsReachesItsTwinAndNothingReachesAnotherTenants() throws Exception {
    publish("tenants/beta/plants/p1/racks/r1/packs/pk1/cells/1/voltage", "3.1"); // refused by the broker's ACL
    publish(ACME_CELL, "3.7");
    Eventually.within(Duration.ofSeconds(30), () -> assertEquals(200,
        runtime.get("/api/v1/twins/acme:p1:r1:pk1").status(), runtime.logText()));
    JsonNode twin = runtime.get("/api/v1/twins/acme:p1:r1:pk1").json();
    assertEquals(3.7, twin.path("signals").path("cell.1.voltage").path("value").asDouble());
    assertEquals(404, runtime.get("/api/v1/twins/beta:p1:r1:pk1").status());
    assertFalse(runtime.logText().contains(RUNTIME_PASSWORD), "the MQTT password is in the runtime's output");
  }
}
