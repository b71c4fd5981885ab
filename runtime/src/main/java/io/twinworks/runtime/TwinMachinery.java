package io.twinworks.runtime;

import com.typesafe.config.Config;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.connectors.route.TopicRoutes;
import io.twinworks.connectors.sparkplug.EdgeNodeId;
import io.twinworks.connectors.sparkplug.SparkplugSettings;
import io.twinworks.persistence.TwinworksStore;
import io.twinworks.runtime.alert.HeartbeatWatch;
import io.twinworks.runtime.config.RuntimeSettings;
import io.twinworks.runtime.ingest.BatchProcessor;
import io.twinworks.runtime.ingest.CoalescingTwinGateway;
import io.twinworks.runtime.ingest.HistoryWritingTwinGateway;
import io.twinworks.runtime.ingest.ShardedTwinGateway;
import io.twinworks.runtime.ingest.RetryingTwinGateway;
import io.twinworks.runtime.ingest.TwinDirectory;
import io.twinworks.runtime.ingest.TwinGateway;
import io.twinworks.runtime.ingest.TwinReadingSink;
import io.twinworks.runtime.ingest.TwinRecorder;
import io.twinworks.runtime.live.LiveFeed;
import io.twinworks.runtime.live.LiveSettings;
import io.twinworks.runtime.live.LiveTwinGateway;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.runtime.sparkplug.SparkplugHost;
import io.twinworks.runtime.sparkplug.SparkplugIngest;
import io.twinworks.twins.TwinSettings;
import io.twinworks.twins.Twins;
import io.twinworks.twins.alert.DeliverAlerts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twins and what feeds them, without MQTT or HTTP: the sharded twins with their alert hub, the heartbeat
 * watch, the twin directory, and the batch processor the ingestion stage hands its messages to. The runtime
 * wires a broker and the API around it; {@code bench heap} drives it directly.
 *
 * @param routes the topic routes the processor decodes with (the MQTT subscription covers them)
 * @param sparkplug the Sparkplug B settings: whether the processor decodes {@code spBv1.0/#}, and as which kind
 * @param twins the twins as the HTTP API reaches them
 * @param pollingSink where polling connectors (Modbus, OPC UA) hand their readings and dead letters
 * @param live what ingestion applied, for the dashboards' live stream
 * @param askRetries asks ingestion sends again when a twin does not answer in time; readiness and shutdown use it
 */
public record TwinMachinery(
    TopicRoutes routes,
    SparkplugSettings sparkplug,
    ShardedTwinGateway twins,
    HeartbeatWatch heartbeats,
    TwinDirectory directory,
    BatchProcessor processor,
    ReadingSink pollingSink,
    LiveFeed live,
    RetryingTwinGateway askRetries) {

  private static final Logger log = LoggerFactory.getLogger(TwinMachinery.class);

  /**
   * Starts it without an MQTT connection to send Sparkplug rebirth requests on ({@code bench heap}): they are
   * logged and dropped.
   */
  public static TwinMachinery start(ActorSystem<?> system, Config config, RuntimeSettings settings,
      TwinworksStore store, ActorRef<DeliverAlerts> alertHub, TwinworksMetrics metrics, Clock clock) {
    return start(system, config, settings, store, alertHub, metrics, clock,
        node -> log.info("no MQTT connection to ask Sparkplug edge node {} for a rebirth", node));
  }

  /**
   * Starts it on a system whose cluster this node joins; schedules the heartbeat ticks and registry flushes.
   *
   * @param alertHub where twins send their alert changes ({@link io.twinworks.runtime.alert.AlertHub#start})
   * @param rebirths where the Sparkplug sessions send their rebirth requests
   */
  public static TwinMachinery start(ActorSystem<?> system, Config config, RuntimeSettings settings,
      TwinworksStore store, ActorRef<DeliverAlerts> alertHub, TwinworksMetrics metrics, Clock clock,
      Consumer<EdgeNodeId> rebirths) {
    TwinSettings twinSettings = TwinSettings.create(config);
    Twins.init(system, twinSettings, alertHub);
    HeartbeatWatch heartbeats = watchHeartbeats(system, twinSettings, store, clock, settings);
    ShardedTwinGateway twins = new ShardedTwinGateway(system, settings.ingest().askTimeout(), heartbeats::reconfigured);
    // Per node, in a cluster too: each node flushes the last-seen times of the twins it ingested.
    LiveFeed live = LiveFeed.start(system, LiveSettings.fromConfig(config));
    TwinDirectory directory = new TwinDirectory(store.registry(), live::registered);
    system.scheduler().scheduleWithFixedDelay(settings.ingest().registryFlushInterval(),
        settings.ingest().registryFlushInterval(), directory::flush, system.executionContext());
    TopicRoutes routes = TopicRoutes.fromConfig(config);
    SparkplugSettings sparkplug = SparkplugSettings.create(config);
    // The dashboards see a reading once its twin persisted it, without waiting for its history row.
    RetryingTwinGateway askRetries = new RetryingTwinGateway(twins, settings.ingest().askRetries(),
        metrics::askRetried);
    TwinGateway ingestTwins = new CoalescingTwinGateway(
        new HistoryWritingTwinGateway(new LiveTwinGateway(askRetries, live), store.history()),
        settings.ingest().maxReadingsPerCommand(), metrics::recorded);
    TwinRecorder recorder = new TwinRecorder(ingestTwins, directory, heartbeats, store.deadLetters(), metrics);
    BatchProcessor processor = new BatchProcessor(routes, SparkplugIngest.create(sparkplug, rebirths), recorder,
        metrics, clock);
    return new TwinMachinery(routes, sparkplug, twins, heartbeats, directory, processor,
        new TwinReadingSink(recorder, clock), live, askRetries);
  }

  /**
   * The MQTT topic filters this node's ingest connection subscribes to: the routes' (as shared subscriptions when
   * {@code twinworks.mqtt.shared-group} is set) and, when enabled, {@code spBv1.0/#} — unless the subscriptions are
   * shared: Sparkplug sequence numbers need one host per edge node, so a cluster runs it in {@link SparkplugHost}.
   */
  public List<String> subscriptions(MqttSettings mqtt) {
    List<String> filters = new ArrayList<>(routes.subscriptions().stream().map(mqtt::ingestFilter).toList());
    if (sparkplug.enabled() && !mqtt.shared()) {
      filters.add(SparkplugSettings.SUBSCRIPTION);
    }
    return List.copyOf(filters);
  }

  /** Wakes silent twins once a second, starting from the registry's last-seen times. */
  private static HeartbeatWatch watchHeartbeats(ActorSystem<?> system, TwinSettings twinSettings,
      TwinworksStore store, Clock clock, RuntimeSettings settings) {
    HeartbeatWatch heartbeats = new HeartbeatWatch(system, twinSettings.analytics().heartbeat(), clock,
        settings.ingest().askTimeout());
    heartbeats.loadFrom(store.registry()).whenComplete((done, failure) -> {
      if (failure != null) {
        log.warn("could not load the twins to watch for communication loss; watching those seen from now: {}",
            failure.toString());
      }
    });
    system.scheduler().scheduleWithFixedDelay(Duration.ofSeconds(1), Duration.ofSeconds(1), heartbeats::tick,
        system.executionContext());
    return heartbeats;
  }
}
