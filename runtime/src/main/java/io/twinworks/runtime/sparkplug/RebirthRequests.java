package io.twinworks.runtime.sparkplug;

import com.typesafe.config.Config;
import io.twinworks.connectors.alert.MqttAlertPublisher;
import io.twinworks.connectors.alert.MqttAlertSettings;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.connectors.sparkplug.EdgeNodeId;
import io.twinworks.connectors.sparkplug.RebirthRequest;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks edge nodes for a rebirth: an NCMD {@code Node Control/Rebirth} = true to {@code spBv1.0/{group}/NCMD/{node}},
 * QoS 0 (as Sparkplug hosts send commands), on a connection of its own to the ingest broker (client id: the ingest
 * client's + {@code -sparkplug}). A request that cannot be sent (not connected yet) is logged; the sessions ask
 * again at the next reason after {@code twinworks.mqtt.sparkplug.rebirth-min-interval}.
 */
public final class RebirthRequests implements Consumer<EdgeNodeId>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RebirthRequests.class);
  static final String CLIENT_ID_SUFFIX = "-sparkplug";
  private static final int QOS = 0;

  private final MqttAlertPublisher publisher;
  private final Clock clock;

  private RebirthRequests(MqttAlertPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Connects in the background with the ingest connection's URL, credentials and backoff. */
  public static RebirthRequests start(Config config, MqttSettings ingestConnection, Clock clock) {
    MqttAlertSettings settings = MqttAlertSettings.create(config)
        .withClientId(ingestConnection.clientId() + CLIENT_ID_SUFFIX);
    return new RebirthRequests(MqttAlertPublisher.start(ingestConnection, settings), clock);
  }

  /** Sends the rebirth request; never throws, the outcome is logged. */
  @Override
  public void accept(EdgeNodeId node) {
    publisher.publish(node.commandTopic(), RebirthRequest.payload(clock.instant()), QOS)
        .whenComplete((done, failure) -> {
          if (failure == null) {
            log.info("asked Sparkplug edge node {} for a rebirth on {}", node, node.commandTopic());
          } else {
            log.warn("could not ask Sparkplug edge node {} for a rebirth (asked again later): {}", node,
                failure.toString());
          }
        });
  }

  public CompletionStage<Done> shutdown() {
    return publisher.shutdown();
  }

  @Override
  public void close() {
    publisher.close();
  }
}
