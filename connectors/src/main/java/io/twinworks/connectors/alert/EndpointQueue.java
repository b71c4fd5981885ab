package io.twinworks.connectors.alert;

import io.twinworks.connectors.alert.DeliveryOutcome.Delivered;
import io.twinworks.connectors.alert.DeliveryOutcome.GaveUp;
import io.twinworks.connectors.alert.DeliveryOutcome.Rejected;
import io.twinworks.connectors.alert.DeliveryOutcome.Skipped;
import io.twinworks.twins.alert.Alert;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * One endpoint's deliveries: one at a time, in the order submitted, each retried until it ends in a
 * {@link DeliveryOutcome}. Nothing here blocks a thread, so a slow endpoint delays only its own queue.
 * Memory: at most {@code maxPending} deliveries, each holding its body.
 */
final class EndpointQueue {

  static final String EVENT_HEADER = "X-Twinworks-Event";
  static final String DELIVERY_HEADER = "X-Twinworks-Delivery";
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int REQUEST_TIMEOUT = 408;

  private final WebhookEndpoint endpoint;
  private final HttpClient client;
  private final Executor executor;
  private final DoubleSupplier jitter;
  private final Set<CompletableFuture<DeliveryOutcome>> pending = ConcurrentHashMap.newKeySet();
  private CompletableFuture<DeliveryOutcome> tail = CompletableFuture.completedFuture(null); // guarded by this
  private boolean closed; // guarded by this

  EndpointQueue(WebhookEndpoint endpoint, HttpClient client, Executor executor, DoubleSupplier jitter) {
    this.endpoint = endpoint;
    this.client = client;
    this.executor = executor;
    this.jitter = jitter;
  }

  WebhookEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Queues one alert change; {@link Skipped} at once when the endpoint's filters refuse it. Fails at once
   * when {@code maxPending} deliveries are queued or the queue is closed.
   *
   * @param body the alert's JSON, sent (and signed) exactly as given
   */
  synchronized CompletionStage<DeliveryOutcome> submit(long seq, Alert alert, byte[] body) {
    Optional<String> refusal = endpoint.refusal(alert);
    if (refusal.isPresent()) {
      return CompletableFuture.completedStage(new Skipped(refusal.get()));
    }
    if (closed) {
      return CompletableFuture.failedStage(closedBeforeDelivery());
    }
    if (pending.size() >= endpoint.maxPending()) {
      return CompletableFuture.failedStage(new RejectedExecutionException("webhook '" + endpoint.name() + "' has "
          + endpoint.maxPending() + " deliveries pending (max-pending)"));
    }
    HttpRequest request = request(seq, body);
    CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
    pending.add(outcome);
    // The caller sees the outcome only after it left pending, so it may submit again at once.
    CompletableFuture<DeliveryOutcome> settled = outcome.whenComplete((done, failure) -> pending.remove(outcome));
    tail.whenCompleteAsync((previous, failure) -> attempt(request, 1, outcome), executor);
    tail = outcome;
    return settled.minimalCompletionStage();
  }

  /** Fails every pending delivery; later submissions fail at once. */
  synchronized void close() {
    closed = true;
    for (CompletableFuture<DeliveryOutcome> outcome : Set.copyOf(pending)) {
      outcome.completeExceptionally(closedBeforeDelivery());
    }
  }

  private HttpRequest request(long seq, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
        .timeout(endpoint.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "twinworks")
        .header(EVENT_HEADER, "alert")
        .header(DELIVERY_HEADER, Long.toString(seq))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (endpoint.signed()) {
      request.header(WebhookSignature.HEADER, WebhookSignature.of(endpoint.secret(), body));
    }
    return request.build();
  }

  private void attempt(HttpRequest request, int attempt, CompletableFuture<DeliveryOutcome> outcome) {
    if (!outcome.isDone()) { // else closed meanwhile
      guarded(outcome, () -> exchange(request).whenComplete((response, failure) ->
          guarded(outcome, () -> afterAttempt(request, attempt, outcome, response, failure))));
    }
  }

  /** Runs a step of a delivery; if it throws, the delivery fails rather than never ending. */
  private static void guarded(CompletableFuture<DeliveryOutcome> outcome, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      outcome.completeExceptionally(e);
    }
  }

  private void afterAttempt(HttpRequest request, int attempt, CompletableFuture<DeliveryOutcome> outcome,
      HttpResponse<String> response, Throwable failure) {
    int status = failure == null ? response.statusCode() : -1;
    if (failure == null && status / 100 == 2) {
      outcome.complete(new Delivered(status, attempt));
      return;
    }
    if (failure == null && !retriable(status)) {
      outcome.complete(new Rejected(status, response.body(), attempt));
      return;
    }
    String error = failure == null ? "HTTP " + status + (response.body().isEmpty() ? "" : ": " + response.body())
        : describe(failure);
    if (attempt >= endpoint.maxAttempts()) {
      outcome.complete(new GaveUp(error, attempt));
      return;
    }
    Duration delay = Optional.ofNullable(response).flatMap(EndpointQueue::retryAfter)
        .map(endpoint.backoff()::capped)
        .orElseGet(() -> endpoint.backoff().delay(attempt, jitter.getAsDouble()));
    CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor)
        .execute(() -> attempt(request, attempt + 1, outcome));
  }

  /** The exchange, response body included, bounded by the endpoint's timeout; on timeout it is cancelled. */
  private CompletableFuture<HttpResponse<String>> exchange(HttpRequest request) {
    CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, BodySnippet.HANDLER);
    CompletableFuture<HttpResponse<String>> bounded =
        exchange.copy().orTimeout(endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS);
    bounded.whenComplete((response, failure) -> {
      if (failure != null) {
        exchange.cancel(true);
      }
    });
    return bounded;
  }

  /** Connection errors, timeouts, 5xx, 408 and 429 may pass; other statuses will not. */
  static boolean retriable(int status) {
    return status / 100 == 5 || status == REQUEST_TIMEOUT || status == TOO_MANY_REQUESTS;
  }

  /** {@code Retry-After} in seconds; an HTTP-date or anything else is ignored (the backoff applies). */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After")
        .map(String::trim)
        .filter(value -> value.matches("[0-9]{1,9}"))
        .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
  }

  private String describe(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
      return "no complete response within " + endpoint.timeout();
    }
    // java.net.http often wraps the exception that says what happened in one that says nothing
    String message = null;
    for (Throwable next = cause; next != null && message == null; next = next.getCause()) {
      message = next.getMessage();
    }
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private IllegalStateException closedBeforeDelivery() {
    return new IllegalStateException("the webhook publisher closed before delivering to '" + endpoint.name() + "'");
  }

  /** Keeps the first bytes of a response body, as readable text for a message; the rest is read and dropped. */
  private static final class BodySnippet implements Consumer<Optional<byte[]>> {
    static final BodyHandler<String> HANDLER = info -> {
      BodySnippet snippet = new BodySnippet();
      return BodySubscribers.mapping(BodySubscribers.ofByteArrayConsumer(snippet), ignored -> snippet.text());
    };
    private static final int MAX_BYTES = 600;
    private static final int MAX_CHARS = 200;

    private final ByteArrayOutputStream start = new ByteArrayOutputStream();

    @Override
    public void accept(Optional<byte[]> chunk) {
      chunk.ifPresent(bytes -> start.write(bytes, 0, Math.min(bytes.length, MAX_BYTES - start.size())));
    }

    String text() {
      String text = new String(start.toByteArray(), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}+", " ").trim();
      return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
    }
  }
}
