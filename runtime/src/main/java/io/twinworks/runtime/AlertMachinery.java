package io.twinworks.runtime;

import com.typesafe.config.Config;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.persistence.TwinworksStore;
import io.twinworks.runtime.alert.AlertHub;
import io.twinworks.runtime.alert.AlertHubSettings;
import io.twinworks.runtime.alert.AlertStreamSettings;
import io.twinworks.runtime.alert.AlertTail;
import io.twinworks.runtime.alert.AppendBroadcast;
import io.twinworks.runtime.alert.AppendSignal;
import io.twinworks.runtime.alert.delivery.DeliveryPlan;
import io.twinworks.runtime.alert.delivery.DeliverySingleton;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.twins.alert.DeliverAlerts;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The alerts as this node takes part in them: the alert hub (a cluster singleton) whose appends wake every node's
 * tail through distributed pub-sub, this node's alert tail (for SSE), and the delivery channels (a cluster
 * singleton, so each change is delivered once per cluster).
 *
 * @param hub where this node's twins send their alert changes
 * @param tail this node's live view of the alert log
 */
public record AlertMachinery(ActorRef<DeliverAlerts> hub, AlertTail tail) {

  /** Checks the alert settings (throwing with the key's name), then starts it all on this node. */
  public static AlertMachinery start(ActorSystem<?> system, Config config, TwinworksStore store,
      MqttSettings ingestConnection, TwinworksMetrics metrics, Clock clock) {
    DeliveryPlan deliveryPlan = DeliveryPlan.create(config);
    AlertHubSettings hubSettings = AlertHubSettings.fromConfig(config);
    AlertStreamSettings streamSettings = AlertStreamSettings.fromConfig(config);

    AppendSignal appends = new AppendSignal();
    ActorRef<DeliverAlerts> hub = AlertHub.start(system, store.alerts(), AppendBroadcast.start(system, appends),
        hubSettings);
    AlertTail tail = AlertTail.start(system, store.alerts(), streamSettings, appends,
        change -> metrics.alertRead(change.alert(), clock.instant()));
    DeliverySingleton deliveries = DeliverySingleton.start(system, deliveryPlan, store.alerts(),
        store.deliveryCursors(), ingestConnection);
    metrics.alertChannels(deliveries::channelsHere);
    return new AlertMachinery(hub, tail);
  }
}
