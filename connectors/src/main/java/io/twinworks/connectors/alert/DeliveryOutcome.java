package io.twinworks.connectors.alert;

/**
 * How a webhook delivery of one alert change to one endpoint ended. {@link Delivered} and {@link Skipped}
 * are done; {@link Rejected} (the endpoint refused it, retrying cannot help) and {@link GaveUp} (it never
 * answered well within the attempts) are for the caller to record, then to move on or hold its cursor.
 */
public sealed interface DeliveryOutcome {

  /** The endpoint answered 2xx. */
  record Delivered(int status, int attempts) implements DeliveryOutcome {}

  /** The endpoint does not take this alert (its tenant or min-severity filter); nothing was sent. */
  record Skipped(String reason) implements DeliveryOutcome {}

  /** The endpoint answered a status that is not retried (3xx, 4xx but 408 and 429); {@code body} is its start. */
  record Rejected(int status, String body, int attempts) implements DeliveryOutcome {}

  /** Every attempt failed with a retriable error (connection, timeout, 5xx, 408, 429); the last one's. */
  record GaveUp(String lastError, int attempts) implements DeliveryOutcome {}
}
