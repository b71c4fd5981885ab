package io.twinworks.runtime.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The reference: the same publisher into the broker, one plain subscriber counting what arrives. */
final class BareBrokerRun {

  private BareBrokerRun() {}

  static BenchResult run(BenchSettings settings, Measurement.Progress progress) throws Exception {
    AtomicLong received = new AtomicLong();
    MqttAsyncClient subscriber = new MqttAsyncClient(settings.mqttUrl(), "bench-sub-" + System.nanoTime(),
        new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(65_535);
    subscriber.connect(options).waitForCompletion(10_000);
    IMqttMessageListener count = (topic, message) -> received.incrementAndGet();
    subscriber.subscribe("bench/+/data", settings.qos(), count).waitForCompletion(10_000);
    try {
      LoadPublisher publisher = new LoadPublisher(settings.mqttUrl(), "bench", settings.qos(), settings.twins(),
          settings.readingsPerTwin(), Instant.now());
      return Measurement.of("bare broker", publisher, received::get, settings, progress);
    } finally {
      disconnect(subscriber);
    }
  }

  private static void disconnect(MqttAsyncClient client) throws MqttException {
    client.disconnect().waitForCompletion(TimeUnit.SECONDS.toMillis(5));
    client.close();
  }

}
