package io.twinworks.runtime.alert.delivery;

import com.typesafe.config.Config;
import io.twinworks.connectors.alert.MqttAlertPublisher;
import io.twinworks.connectors.alert.MqttAlertSettings;
import io.twinworks.connectors.alert.WebhookEndpoint;
import io.twinworks.connectors.alert.WebhookPublisher;
import io.twinworks.connectors.alert.WebhookSettings;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.DeliveryCursors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert delivery channels of this process: {@code mqtt} when {@code twinworks.alerts.mqtt.enabled}, and
 * {@code webhook:<name>} for each configured webhook endpoint, each an {@link AlertDelivery} with its own cursor.
 * Stopped by the coordinated shutdown (phase service-stop, before the store closes) or by {@link #stop()}.
 *
 * <p>In a cluster, run it on one node only ({@link DeliverySingleton}): channels of the same name on two nodes
 * would share a cursor and deliver every change twice.
 */
public final class AlertDeliveries {

  private static final Logger log = LoggerFactory.getLogger(AlertDeliveries.class);

  private final List<AlertDelivery> channels;
  private final Optional<MqttAlertPublisher> mqtt;
  private final Optional<WebhookPublisher> webhooks;
  private final CompletableFuture<Done> stopped = new CompletableFuture<>();
  private Cancellable shutdownTask = Cancellable.alreadyCancelled(); // guarded by this
  private boolean stopping; // guarded by this

  private AlertDeliveries(List<AlertDelivery> channels, Optional<MqttAlertPublisher> mqtt,
      Optional<WebhookPublisher> webhooks) {
    this.channels = List.copyOf(channels);
    this.mqtt = mqtt;
    this.webhooks = webhooks;
  }

  /**
   * Starts the enabled channels. Throws for invalid settings (naming the key) before anything is started.
   *
   * @param ingestConnection the ingest broker's URL, credentials and reconnect backoff, which the MQTT alert
   *     publisher shares (on a connection of its own)
   */
  public static AlertDeliveries start(ActorSystem<?> system, Config config, AlertLog alertLog,
      DeliveryCursors cursors, MqttSettings ingestConnection) {
    return start(system, DeliveryPlan.create(config), alertLog, cursors, ingestConnection);
  }

  /** As above, from settings already checked. */
  public static AlertDeliveries start(ActorSystem<?> system, DeliveryPlan plan, AlertLog alertLog,
      DeliveryCursors cursors, MqttSettings ingestConnection) {
    DeliverySettings settings = plan.delivery();
    MqttAlertSettings mqttSettings = plan.mqtt();
    WebhookSettings webhookSettings = plan.webhooks();

    Optional<MqttAlertPublisher> mqtt = mqttSettings.enabled()
        ? Optional.of(MqttAlertPublisher.start(ingestConnection, mqttSettings)) : Optional.empty();
    Optional<WebhookPublisher> webhooks = webhookSettings.isEmpty()
        ? Optional.empty() : Optional.of(WebhookPublisher.create(webhookSettings));
    List<DeliveryChannel> channels = new ArrayList<>();
    mqtt.ifPresent(publisher -> channels.add(new MqttChannel(publisher)));
    webhooks.ifPresent(publisher -> {
      for (WebhookEndpoint endpoint : publisher.endpoints()) {
        channels.add(new WebhookChannel(publisher, endpoint));
      }
    });
    List<AlertDelivery> deliveries = channels.stream()
        .map(channel -> AlertDelivery.start(system, channel, alertLog, cursors, settings))
        .toList();
    log.info("alert delivery channels: {}", deliveries.isEmpty() ? "none"
        : String.join(", ", deliveries.stream().map(AlertDelivery::name).toList()));

    AlertDeliveries started = new AlertDeliveries(deliveries, mqtt, webhooks);
    started.registerShutdown(system);
    return started;
  }

  /** Each channel, in configuration order (MQTT first): its name and {@link DeliveryMetrics}. */
  public List<AlertDelivery> channels() {
    return channels;
  }

  /** Completes once every channel has its cursor (see {@link AlertDelivery#started()}). */
  public CompletionStage<Done> started() {
    return CompletableFuture.allOf(channels.stream()
            .map(channel -> channel.started().toCompletableFuture())
            .toArray(CompletableFuture[]::new))
        .thenApply(all -> Done.getInstance());
  }

  /** Stops every channel (see {@link AlertDelivery#stop()}), then the publishers; idempotent. */
  public CompletionStage<Done> stop() {
    synchronized (this) {
      if (stopping) {
        return stopped.minimalCompletionStage();
      }
      stopping = true;
      shutdownTask.cancel();
    }
    CompletableFuture<?>[] ends = channels.stream()
        .map(channel -> channel.stop().toCompletableFuture())
        .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(ends)
        .thenCompose(all -> mqtt.map(MqttAlertPublisher::shutdown).orElse(CompletableFuture.completedStage(
            Done.getInstance())))
        .whenComplete((done, failure) -> {
          webhooks.ifPresent(WebhookPublisher::close);
          stopped.complete(Done.getInstance());
        });
    return stopped.minimalCompletionStage();
  }

  private synchronized void registerShutdown(ActorSystem<?> system) {
    shutdownTask = CoordinatedShutdown.get(system).addCancellableTask(CoordinatedShutdown.PhaseServiceStop(),
        "alert-delivery-stop", this::stop);
  }
}
