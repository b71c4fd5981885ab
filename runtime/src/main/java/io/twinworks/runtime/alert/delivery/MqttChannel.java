package io.twinworks.runtime.alert.delivery;

import io.twinworks.connectors.alert.MqttAlertPublisher;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.LoggedAlert;
import java.util.concurrent.CompletionStage;

/** Every change to the MQTT alert topic; a publish without PUBACK fails and is tried again from the cursor. */
record MqttChannel(MqttAlertPublisher publisher) implements DeliveryChannel {

  static final String NAME = "mqtt";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AlertFilter filter() {
    return AlertFilter.all();
  }

  @Override
  public CompletionStage<Result> deliver(LoggedAlert change) {
    // Until the first connection is made a publish would only fail: wait for it rather than retry in a loop.
    return publisher.firstConnection()
        .thenCompose(connected -> publisher.publish(change.alert()))
        .thenApply(done -> Result.DELIVERED);
  }
}
