package io.twinworks.runtime.it;

import static io.twinworks.runtime.it.SparkplugEdgeNode.alias;
import static io.twinworks.runtime.it.SparkplugEdgeNode.defined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sparkplug B end to end over a real Mosquitto, with a Paho client as the edge node: births with aliases, data by
 * alias on the node's and a device's twin, rebirth requests on an unknown alias and on a sequence gap, the MQTT will
 * (NDEATH) turning the node's and the device's twins communication-loss at once, and a new birth bringing them back.
 */
class SparkplugIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PRESS = "press-3";

  @TempDir
  static Path dataDir;

  private static MosquittoBroker mosquitto;
  private static RuntimeProcess runtime;

  @BeforeAll
  static void start() throws Exception {
    mosquitto = MosquittoBroker.start();
    // a heartbeat timeout far beyond the test: any communication loss seen comes from a death
    runtime = RuntimeProcess.start(dataDir, RuntimeProcess.Ports.free(), Map.of(
        "twinworks.mqtt.url", mosquitto.url(),
        "twinworks.heartbeat.default-timeout", "1h"));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void birthDataDeathAndRebirth() throws Exception {
    try (SparkplugEdgeNode edge = new SparkplugEdgeNode(mosquitto.url(), "it", "edge1")) {
      edge.connect();
      born(edge, 21.5);
      edge.nodeData(alias(1).setDoubleValue(22.75));
      edge.deviceData(PRESS, alias(10).setFloatValue(3.25f), alias(11).setLongValue(4_000_000_001L));

      awaitSignal("it:edge1", "Temperature", 22.75);
      awaitSignal("it:edge1:" + PRESS, "Pressure", 3.25);
      awaitSignal("it:edge1:" + PRESS, "Cycles", 4_000_000_001.0); // UInt32 in the 64-bit field
      JsonNode node = runtime.get("/api/v1/twins/it:edge1").json();
      assertEquals("machine", node.path("kind").asText());
      assertEquals("online", node.path("health").path("status").asText());
      assertEquals(1.0, node.path("signals").path("Running").path("value").asDouble());
      assertTrue(node.path("signals").path("bdSeq").isMissingNode(), "bdSeq is the protocol's, not a signal");

      edge.dropConnection(); // the broker publishes the will: NDEATH
      for (String twin : new String[] {"it:edge1", "it:edge1:" + PRESS}) {
        Eventually.within(WAIT, () -> assertEquals("communication-loss",
            runtime.get("/api/v1/twins/" + twin).json().path("health").path("status").asText(), twin));
        Eventually.within(WAIT, () -> { // the alert log has it once the alert hub appended it
          JsonNode alerts = runtime.get("/api/v1/alerts?twin=" + twin).json().path("items");
          assertEquals("communication-loss", alerts.path(0).path("kind").asText(), alerts.toString());
          assertEquals(1.0, alerts.path(0).path("evidence").path("reportedDeath").asDouble(), alerts.toString());
        });
      }

      edge.connect();
      born(edge, 23.0);
      edge.deviceData(PRESS, alias(10).setFloatValue(3.5f));
      awaitSignal("it:edge1:" + PRESS, "Pressure", 3.5);
      for (String twin : new String[] {"it:edge1", "it:edge1:" + PRESS}) {
        Eventually.within(WAIT, () -> assertEquals("online",
            runtime.get("/api/v1/twins/" + twin).json().path("health").path("status").asText(), twin));
        Eventually.within(WAIT, () -> assertEquals(0, runtime.get("/api/v1/alerts?twin=" + twin).json()
            .path("items").size(), "the new birth cleared the alert of " + twin));
      }
    }
  }

  @Test
  void unknownAliasesAndSequenceGapsAskForARebirth() throws Exception {
    try (SparkplugEdgeNode edge = new SparkplugEdgeNode(mosquitto.url(), "it", "edge2")) {
      edge.connect();
      born(edge, 20.0);
      edge.deviceData(PRESS, alias(99).setFloatValue(1f));
      Eventually.within(WAIT, () -> assertEquals(1, edge.commands().size(), "rebirth requests"));
      assertRebirthRequest(edge.commands().get(0));
      Eventually.within(WAIT, () -> assertTrue(runtime.get("/api/v1/dead-letters?limit=100").json().path("items")
          .findValuesAsText("source").contains("spBv1.0/it/DDATA/edge2/" + PRESS), "the unusable DDATA is kept"));

      born(edge, 20.5); // the answer: births again, which also lets the next request go at once
      awaitSignal("it:edge2", "Temperature", 20.5);
      edge.loseOneMessage();
      edge.nodeData(alias(1).setDoubleValue(24.0));
      Eventually.within(WAIT, () -> assertEquals(2, edge.commands().size(), "rebirth requests"));
      assertRebirthRequest(edge.commands().get(1));
      awaitSignal("it:edge2", "Temperature", 24.0); // the data after the gap is still used
    }
  }

  /** NBIRTH with Temperature (alias 1) and Running (2), then the press's DBIRTH with Pressure (10), Cycles (11). */
  private static void born(SparkplugEdgeNode edge, double temperature) throws Exception {
    edge.nodeBirth(defined("Temperature", 1, DataType.Double).setDoubleValue(temperature),
        defined("Running", 2, DataType.Boolean).setBooleanValue(true));
    edge.deviceBirth(PRESS, defined("Pressure", 10, DataType.Float).setFloatValue(2.5f),
        defined("Cycles", 11, DataType.UInt32).setLongValue(4_000_000_000L));
  }

  private static void assertRebirthRequest(Payload command) {
    assertEquals("Node Control/Rebirth", command.getMetrics(0).getName());
    assertTrue(command.getMetrics(0).getBooleanValue());
  }

  private static void awaitSignal(String twin, String signal, double value) throws Exception {
    Eventually.within(WAIT, () -> {
      RuntimeProcess.Answer answer = runtime.get("/api/v1/twins/" + twin);
      assertEquals(200, answer.status(), answer.text());
      assertEquals(value, answer.json().path("signals").path(signal).path("value").asDouble(), answer.text());
    });
  }
}
