package io.twinworks.runtime.alert.delivery;

import com.typesafe.config.Config;
import io.twinworks.connectors.alert.MqttAlertSettings;
import io.twinworks.connectors.alert.WebhookSettings;

/**
 * The alert delivery configuration, read and checked at once: at startup, though the channels themselves may start
 * later on another node ({@link DeliverySingleton}).
 */
public record DeliveryPlan(DeliverySettings delivery, MqttAlertSettings mqtt, WebhookSettings webhooks) {

  /** Throws for invalid settings, naming the key. */
  public static DeliveryPlan create(Config config) {
    return new DeliveryPlan(DeliverySettings.create(config), MqttAlertSettings.create(config),
        WebhookSettings.create(config));
  }
}
