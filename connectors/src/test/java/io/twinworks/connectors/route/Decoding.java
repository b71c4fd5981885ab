package io.twinworks.connectors.route;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Decodes test messages with the default routes. */
final class Decoding {

  static final Instant RECEIVED = Instant.parse("2024-05-01T12:00:00Z");
  static final TopicRoutes DEFAULT_ROUTES = TopicRoutes.fromConfig(ConfigFactory.load());

  private Decoding() {}

  static List<Reading> accept(String topic, String payload) {
    Decoded decoded = DEFAULT_ROUTES.decode(topic, payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
    return assertInstanceOf(Decoded.Accepted.class, decoded, decoded::toString).readings();
  }

  static String reject(String topic, String payload) {
    return reject(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  static String reject(String topic, byte[] payload) {
    Decoded decoded = DEFAULT_ROUTES.decode(topic, payload, RECEIVED);
    return assertInstanceOf(Decoded.Rejected.class, decoded, decoded::toString).reason();
  }
}
