package io.twinworks.connectors.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.route.Decoded;
import io.twinworks.connectors.route.TopicRoutes;
import java.time.Instant;

/**
 * Any topic and payload through the default routes (every JSON codec, the tenant check, twin ids and signal names):
 * the outcome is well-formed readings or a readable reason, and never a codec failure that {@link TopicRoutes} had
 * to catch. In CI each fuzz test runs for 20 s in fuzzing mode (see connectors/pom.xml); README "Hostile input and
 * fuzzing" shows a longer run.
 */
class RouteDecodeFuzzTest {

  private static final TopicRoutes ROUTES = TopicRoutes.fromConfig(ConfigFactory.load());
  private static final Instant RECEIVED = Instant.parse("2026-11-22T12:00:00Z");
  /** Topic shapes the routes know, so the fuzzer reaches the codecs instead of "no route". */
  private static final String[] TOPICS = {
      "tenants/%s/plants/%s/racks/%s/packs/%s/cells/%s/%s", "factory/%s/%s/telemetry", "sensors/%s/data",
      "edge/%s/machine/%s", "edge/%s/sensor/%s", "edge/%s/battery-pack/%s", "%s/%s/%s"};

  @FuzzTest(maxDuration = "20s")
  void decodesOrRejectsWithAReason(FuzzedDataProvider data) {
    String pattern = data.pickValue(TOPICS);
    Object[] levels = new Object[6];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = data.consumeString(24);
    }
    String topic = String.format(pattern, levels);
    Decoded decoded = ROUTES.decode(topic, data.consumeRemainingAsBytes(), RECEIVED);
    if (decoded instanceof Decoded.Accepted accepted) {
      AcceptedReadings.requireWellFormed(accepted.readings(), RECEIVED);
    } else if (decoded instanceof Decoded.Rejected rejected) {
      if (rejected.reason().contains("failed to decode the payload")) {
        throw new AssertionError("a codec threw instead of rejecting: " + rejected.reason());
      }
      AcceptedReadings.requireReadable(rejected.reason());
    }
  }
}
