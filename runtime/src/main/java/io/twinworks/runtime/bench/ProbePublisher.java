package io.twinworks.runtime.bench;

import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.connectors.mqtt.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The probes' own MQTT connection, apart from the load's: publishes without waiting for the PUBACK (a probe is
 * timed from just before its publish, and the next probe must not wait for the last one), with Nagle off so a
 * probe is not held back behind the one before. Counts the readings sent and acknowledged.
 */
final class ProbePublisher implements AutoCloseable {

  private final MqttAsyncClient client;
  private final int qos;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();

  ProbePublisher(String url, int qos) throws MqttException {
    this.qos = qos;
    this.client = new MqttAsyncClient(url, "bench-probe-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1_000);
    options.setAutomaticReconnect(true);
    options.setSocketFactory(new NoDelaySocketFactory());
    MqttSettings.configuredFor(url).applyCredentialsAndTls(options);
    client.connect(options).waitForCompletion(10_000);
  }

  /** Publishes one reading's payload; false when it could not be sent (not connected, too many in flight). */
  boolean publish(String topic, String payload) {
    MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    message.setQos(qos);
    try {
      client.publish(topic, message, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          acknowledged.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
          // not acknowledged: the probe shows up as unseen, the reading as lost
        }
      });
      sent.incrementAndGet();
      return true;
    } catch (MqttException e) {
      return false;
    }
  }

  /** Readings published (one per publish). */
  long sent() {
    return sent.get();
  }

  /** Readings acknowledged by the broker (at QoS 0: written to the connection). */
  long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(1_000).waitForCompletion(2_000);
      }
      client.close(true);
    } catch (MqttException e) {
      // going away anyway
    }
  }
}
