package io.twinworks.runtime.alert.delivery;

import io.twinworks.connectors.alert.AlertJson;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Subscribes to every alert topic, QoS 1, with a persistent session that reconnects by itself, so messages
 * published while it is away (a broker restart) wait for it. Records the alert ids in arrival order.
 */
public final class AlertTopicSubscriber implements AutoCloseable {

  private final MqttClient client;
  private final List<String> alertIds = new CopyOnWriteArrayList<>();

  public AlertTopicSubscriber(String brokerUrl) throws MqttException {
    client = new MqttClient(brokerUrl, "it-sub-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(500);
    client.setCallback(new MqttCallback() {
      @Override
      public void messageArrived(String topic, MqttMessage message) {
        alertIds.add(AlertJson.parse(message.getPayload()).id());
      }

      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    client.connect(options);
    client.subscribe("twinworks/alerts/#", 1);
  }

  public List<String> alertIds() {
    return List.copyOf(alertIds);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
