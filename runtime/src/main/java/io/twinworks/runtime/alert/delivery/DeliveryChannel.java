package io.twinworks.runtime.alert.delivery;

import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.LoggedAlert;
import java.util.concurrent.CompletionStage;

/**
 * Where one {@link AlertDelivery} sends the changes of the alert log: the MQTT alert topic, or one webhook endpoint.
 * A delivery that completes is done with (the cursor moves past it); one that fails is retried from the cursor.
 */
interface DeliveryChannel {

  /** How a change ended that the channel is done with. */
  enum Result {
    DELIVERED,
    /** The channel does not take this change (e.g. the endpoint's filter); nothing was sent. */
    SKIPPED,
    /** The channel gave up on it (rejected, or every attempt failed); logged and counted. */
    DROPPED
  }

  /** The cursor name: {@code mqtt} or {@code webhook:<endpoint name>}. */
  String name();

  /** The changes the channel takes, filtered by the log. */
  AlertFilter filter();

  /** Delivers one change; fails when it was not delivered and must be tried again. */
  CompletionStage<Result> deliver(LoggedAlert change);
}
