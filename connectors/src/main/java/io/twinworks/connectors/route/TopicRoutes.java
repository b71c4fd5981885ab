package io.twinworks.connectors.route;

import com.typesafe.config.Config;
import io.twinworks.connectors.codec.UntrustedText;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured topic routes: which topics to subscribe to, and how a message becomes readings. The first
 * route whose pattern matches a topic decodes it. {@link #decode} never throws for bad input.
 */
public final class TopicRoutes {

  private final List<TopicRoute> routes;
  private final int maxPayloadBytes;

  public TopicRoutes(List<TopicRoute> routes, int maxPayloadBytes) {
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("no routes");
    }
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive, was " + maxPayloadBytes);
    }
    this.routes = List.copyOf(routes);
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Reads {@code twinworks.mqtt.routes}, {@code max-payload-bytes} and {@code max-future-skew}, failing fast
   * with a {@link com.typesafe.config.ConfigException} that names the key.
   *
   * @param config the application's root config, or its {@code twinworks.mqtt} section
   */
  public static TopicRoutes fromConfig(Config config) {
    return RouteConfig.read(config);
  }

  public List<TopicRoute> routes() {
    return routes;
  }

  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** The MQTT topic filters that cover every route, without duplicates. */
  public List<String> subscriptions() {
    LinkedHashSet<String> filters = new LinkedHashSet<>();
    routes.forEach(route -> filters.addAll(route.topic().subscriptions()));
    return List.copyOf(filters);
  }

  /** Decodes one message; bad input of any kind is a {@link Decoded.Rejected} with the reason. */
  public Decoded decode(String topic, byte[] payload, Instant receivedTime) {
    if (payload.length > maxPayloadBytes) {
      return new Decoded.Rejected("payload is " + payload.length + " bytes, more than the limit of "
          + maxPayloadBytes + " (twinworks.mqtt.max-payload-bytes)");
    }
    for (TopicRoute route : routes) {
      Optional<Map<String, String>> variables = route.topic().match(topic);
      if (variables.isPresent()) {
        return decodeSafely(route, topic, variables.get(), payload, receivedTime);
      }
    }
    return new Decoded.Rejected("no route for topic '" + UntrustedText.shown(topic) + "'");
  }

  private static Decoded decodeSafely(
      TopicRoute route, String topic, Map<String, String> variables, byte[] payload, Instant receivedTime) {
    try {
      return route.decode(topic, variables, payload, receivedTime);
    } catch (RuntimeException e) {
      // A codec bug must not stop the stream; the message goes to the dead letters like any bad input.
      return new Decoded.Rejected("route '" + route.name() + "' failed to decode the payload: "
          + UntrustedText.shown(e.toString()));
    }
  }
}
