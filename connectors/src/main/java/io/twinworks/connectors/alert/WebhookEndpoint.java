package io.twinworks.connectors.alert;

import io.twinworks.connectors.Backoff;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook receiver, from an entry of {@code twinworks.alerts.webhooks}.
 *
 * @param name unique among the endpoints; the key of its delivery queue (and of the caller's cursor). Safe to
 *     log, unlike the URL, which may carry a token
 * @param secret signs each body ({@link WebhookSignature}); empty: not signed
 * @param tenant only this tenant's alerts; empty: every tenant's
 * @param minSeverity only alerts at least this severe
 * @param timeout for one request, from sending to the end of the response
 * @param maxAttempts attempts per alert change before giving up, the first included
 * @param backoff between attempts; also caps a {@code Retry-After}
 * @param maxPending alert changes queued or in delivery; more are refused at once
 */
public record WebhookEndpoint(
    String name,
    URI url,
    String secret,
    String tenant,
    Severity minSeverity,
    Duration timeout,
    int maxAttempts,
    Backoff backoff,
    int maxPending) {

  public WebhookEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(minSeverity, "minSeverity");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
  }

  /** Why this endpoint does not take the alert, or empty when it does. */
  public Optional<String> refusal(Alert alert) {
    if (!tenant.isEmpty() && !tenant.equals(alert.tenant())) {
      return Optional.of("tenant '" + alert.tenant() + "' is not the endpoint's '" + tenant + "'");
    }
    if (alert.severity().compareTo(minSeverity) < 0) {
      return Optional.of("severity " + alert.severity().json() + " is below the endpoint's " + minSeverity.json());
    }
    return Optional.empty();
  }

  public boolean signed() {
    return !secret.isEmpty();
  }

  /** Without the URL (it may hold a token) and the secret. */
  @Override
  public String toString() {
    return "WebhookEndpoint[name=" + name + ", secret=" + (signed() ? "***" : "") + ", tenant=" + tenant
        + ", minSeverity=" + minSeverity.json() + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts
        + ", backoff=" + backoff + ", maxPending=" + maxPending + "]";
  }
}
