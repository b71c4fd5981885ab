package io.twinworks.runtime.alert.delivery;

import io.twinworks.connectors.alert.DeliveryOutcome;
import io.twinworks.connectors.alert.WebhookEndpoint;
import io.twinworks.connectors.alert.WebhookPublisher;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.LoggedAlert;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes one webhook endpoint takes (its tenant and minimum severity, filtered by the log). The publisher
 * retries each with backoff; a change it gave up on or the endpoint rejected (a 4xx) is logged and dropped, so one
 * poisoned endpoint or alert cannot stall the channel forever.
 */
record WebhookChannel(WebhookPublisher publisher, WebhookEndpoint endpoint) implements DeliveryChannel {

  static final String PREFIX = "webhook:";
  private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

  @Override
  public String name() {
    return PREFIX + endpoint.name();
  }

  @Override
  public AlertFilter filter() {
    return new AlertFilter(Optional.of(endpoint.tenant()).filter(t -> !t.isEmpty()), Optional.empty(),
        endpoint.minSeverity());
  }

  @Override
  public CompletionStage<Result> deliver(LoggedAlert change) {
    return publisher.deliver(endpoint.name(), change.seq(), change.alert()).thenApply(outcome -> result(change, outcome));
  }

  private Result result(LoggedAlert change, DeliveryOutcome outcome) {
    if (outcome instanceof DeliveryOutcome.Delivered) {
      return Result.DELIVERED;
    }
    if (outcome instanceof DeliveryOutcome.Skipped) {
      return Result.SKIPPED;
    }
    if (outcome instanceof DeliveryOutcome.Rejected rejected) {
      log.warn("webhook '{}' rejected alert {} (change {}) with HTTP {}{}; moving on to the next change",
          endpoint.name(), change.alert().id(), change.seq(), rejected.status(),
          rejected.body().isEmpty() ? "" : ": " + rejected.body());
    } else if (outcome instanceof DeliveryOutcome.GaveUp gaveUp) {
      log.warn("webhook '{}' gave up on alert {} (change {}) after {} attempts ({}); moving on to the next change",
          endpoint.name(), change.alert().id(), change.seq(), gaveUp.attempts(), gaveUp.lastError());
    }
    return Result.DROPPED;
  }
}
