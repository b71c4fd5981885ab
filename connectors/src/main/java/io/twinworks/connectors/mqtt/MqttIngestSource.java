package io.twinworks.connectors.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Source;

/**
 * At-least-once MQTT messages from a persistent QoS 1 session, reconnecting with backoff. A message is
 * redelivered by the broker until its {@link MqttMessageWithAck#ack()} has run, also across restarts of the
 * stream or the process (same client id). Acks of messages received before a reconnect fail; the broker
 * redelivers those messages. Each connection is a {@link ManualAckMqttSource}.
 */
public final class MqttIngestSource {

  private final MqttSettings settings;
  private final List<String> filters;
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private final CompletableFuture<Done> firstSubscription = new CompletableFuture<>();

  private MqttIngestSource(MqttSettings settings, List<String> filters) {
    this.settings = settings;
    this.filters = List.copyOf(filters);
  }

  /** @param topicFilters MQTT filters to subscribe to with QoS 1, e.g. {@code TopicRoutes.subscriptions()} */
  public static MqttIngestSource create(MqttSettings settings, List<String> topicFilters) {
    if (topicFilters.isEmpty()) {
      throw new IllegalArgumentException("no topic filters to subscribe to");
    }
    settings.requireUrl(); // fail now, not on first connect
    return new MqttIngestSource(settings, topicFilters);
  }

  /**
   * A source that connects, subscribes and reconnects with backoff. Materialize it once at a time: the broker
   * allows one connection per client id.
   */
  public Source<MqttMessageWithAck, NotUsed> source() {
    return RestartSource.withBackoff(settings.restartSettings(), this::connectOnce);
  }

  /** Whether the subscription is live now: set once the broker confirmed it, cleared when the connection ends. */
  public boolean isSubscribed() {
    return subscribed.get();
  }

  /** Completes when the broker first confirms the subscription; publish to it after this. */
  public CompletionStage<Done> firstSubscription() {
    return firstSubscription;
  }

  private Source<MqttMessageWithAck, NotUsed> connectOnce() {
    return Source.fromGraph(new ManualAckMqttSource(settings, filters))
        .mapMaterializedValue(this::watchSubscription)
        .watchTermination(this::watchEnd);
  }

  private NotUsed watchSubscription(CompletionStage<Done> subscription) {
    subscription.whenComplete((done, failure) -> {
      subscribed.set(failure == null);
      if (failure == null) {
        firstSubscription.complete(Done.getInstance());
      }
    });
    return NotUsed.getInstance();
  }

  private NotUsed watchEnd(NotUsed notUsed, CompletionStage<Done> termination) {
    termination.whenComplete((done, failure) -> subscribed.set(false));
    return notUsed;
  }
}
