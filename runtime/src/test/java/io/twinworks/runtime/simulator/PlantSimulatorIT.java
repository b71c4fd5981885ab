package io.twinworks.runtime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.broker.BrokerSettings;
import io.twinworks.runtime.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantSimulatorIT {

  private static final List<String> FAMILIES = List.of("factory/", "sensors/", "tenants/");

  @TempDir Path dataDir;

  @Test
  void publishesAllThreeTopicFamiliesThroughTheEmbeddedBroker() throws Exception {
    Map<String, CountDownLatch> seen =
        Map.of(
            "factory/", new CountDownLatch(50),
            "sensors/", new CountDownLatch(100),
            "tenants/", new CountDownLatch(96));
    try (EmbeddedBroker broker = EmbeddedBroker.start(new BrokerSettings("127.0.0.1", freePort(), dataDir))) {
      MqttClient subscriber = new MqttClient(broker.url(), "it-plant-watcher", new MemoryPersistence());
      try {
        subscriber.connect(new MqttConnectOptions());
        for (String family : FAMILIES) {
          subscriber.subscribe(
              family + "#", 0, (topic, message) -> seen.get(family).countDown());
        }
        PlantSimulator simulator = new PlantSimulator(SimulatorSettings.defaults());
        try {
          simulator.start(broker.url());
          for (String family : FAMILIES) {
            assertTrue(seen.get(family).await(10, TimeUnit.SECONDS), "too few messages on " + family + "#");
          }
        } finally {
          simulator.close();
        }
        System.out.println(simulator.summaryLine());
        assertTrue(simulator.published() >= 246, simulator.summaryLine());
        assertTrue(simulator.readingsPublished() > simulator.published(), simulator.summaryLine());
        assertEquals(0, simulator.failed(), simulator.summaryLine());
        assertTrue(
            simulator.summaryLine().matches(
                "simulator: [\\d,]+ msgs \\([\\d,]+ readings\\) published, [\\d,]+ readings/s, 0 failed"),
            simulator.summaryLine());
      } finally {
        if (subscriber.isConnected()) {
          subscriber.disconnect();
        }
        subscriber.close();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
