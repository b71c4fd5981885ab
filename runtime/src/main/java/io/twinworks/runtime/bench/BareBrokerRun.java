package io.twinworks.runtime.bench;

import io.twinworks.connectors.mqtt.MqttSettings;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The reference: the same publisher and load shape into the broker alone, under {@link #TOPIC_PREFIX} (no route
 * of Twinworks matches it), and one plain subscriber at the same QoS counting the readings that arrive.
 */
final class BareBrokerRun {

  static final String TOPIC_PREFIX = "bench/";

  private BareBrokerRun() {}

  /** Runs {@code plan}, whose fleet must publish under {@link #TOPIC_PREFIX}. */
  static RunResult run(LoadRun.Plan plan, BenchSettings settings, Progress progress) throws MqttException {
    AtomicLong received = new AtomicLong();
    MqttAsyncClient subscriber = new MqttAsyncClient(settings.mqttUrl(), "bench-sub-" + System.nanoTime(),
        new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    MqttSettings.configuredFor(settings.mqttUrl()).applyCredentialsAndTls(options);
    subscriber.connect(options).waitForCompletion(10_000);
    try {
      subscriber.subscribe(TOPIC_PREFIX + "#", settings.qos(),
          (topic, message) -> received.addAndGet(plan.fleet().readingsOn(topic))).waitForCompletion(10_000);
      return LoadRun.run(plan, settings, () -> IngestCounters.received(received.get()), Probes.off(), progress);
    } finally {
      if (subscriber.isConnected()) {
        subscriber.disconnect().waitForCompletion(5_000);
      }
      subscriber.close();
    }
  }
}
