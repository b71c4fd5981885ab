package io.twinworks.connectors.alert;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Publishers against a {@link WebhookReceiver}, with tiny backoffs and fixed jitter. */
final class Webhooks {

  private Webhooks() {}

  /** @param entries HOCON objects of {@code twinworks.alerts.webhooks}, without the brackets */
  static WebhookPublisher publisher(String entries) {
    return WebhookPublisher.create(WebhookSettings.create(ConfigFactory.parseString(
        "twinworks.alerts.webhooks = [" + entries + "]").withFallback(ConfigFactory.load())), () -> 0.5);
  }

  /** An endpoint entry with backoffs of milliseconds, plus {@code extra} keys. */
  static String endpoint(String name, String url, String extra) {
    return "{ name = " + name + ", url = \"" + url + "\", min-backoff = 1ms, max-backoff = 20ms, " + extra + " }\n";
  }

  static DeliveryOutcome await(CompletionStage<DeliveryOutcome> outcome) throws Exception {
    return outcome.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
