package io.twinworks.connectors.alert;

import io.twinworks.twins.alert.Alert;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * POSTs alert changes as {@link AlertJson} to the configured endpoints, with {@code java.net.http}: headers
 * {@code Content-Type: application/json}, {@code X-Twinworks-Event: alert}, {@code X-Twinworks-Delivery: <seq>}
 * (the same on every retry: the receiver's idempotency key) and, with a secret, {@link WebhookSignature}.
 *
 * <p>Each endpoint has its own queue: deliveries to one endpoint go one at a time in order, different
 * endpoints in parallel, so a slow or failing endpoint delays only itself. Retries, with exponential
 * backoff and jitter, on connection errors, timeouts, 5xx, 408 and 429 ({@code Retry-After} seconds honoured
 * up to {@code max-backoff}); other statuses are {@link DeliveryOutcome.Rejected} at once, and after
 * {@code max-attempts} it is {@link DeliveryOutcome.GaveUp}.
 */
public final class WebhookPublisher implements AutoCloseable {

  private static final int THREADS = 2;

  private final Map<String, EndpointQueue> queues = new LinkedHashMap<>();
  private final ExecutorService executor;

  private WebhookPublisher(WebhookSettings settings, DoubleSupplier jitter) {
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "twinworks-webhooks-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
    for (WebhookEndpoint endpoint : settings.endpoints()) {
      queues.put(endpoint.name(), new EndpointQueue(endpoint, client, executor, jitter));
    }
  }

  public static WebhookPublisher create(WebhookSettings settings) {
    return create(settings, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** @param jitter numbers in [0, 1) that vary the backoff; a fixed or seeded source makes it deterministic */
  public static WebhookPublisher create(WebhookSettings settings, DoubleSupplier jitter) {
    return new WebhookPublisher(settings, jitter);
  }

  public List<WebhookEndpoint> endpoints() {
    return queues.values().stream().map(EndpointQueue::endpoint).toList();
  }

  /**
   * Queues one alert change for one endpoint, e.g. when each endpoint has its own cursor.
   *
   * @param seq the change's sequence number, sent as {@code X-Twinworks-Delivery}
   * @throws IllegalArgumentException when no endpoint has that name
   */
  public CompletionStage<DeliveryOutcome> deliver(String endpoint, long seq, Alert alert) {
    EndpointQueue queue = queues.get(endpoint);
    if (queue == null) {
      throw new IllegalArgumentException("no webhook endpoint is named '" + endpoint + "' (there are "
          + queues.keySet() + ")");
    }
    return queue.submit(seq, alert, AlertJson.bytes(alert));
  }

  /** Queues one alert change for every endpoint; the outcome per endpoint name, in configuration order. */
  public Map<String, CompletionStage<DeliveryOutcome>> publish(long seq, Alert alert) {
    byte[] body = AlertJson.bytes(alert);
    Map<String, CompletionStage<DeliveryOutcome>> outcomes = new LinkedHashMap<>();
    queues.forEach((name, queue) -> outcomes.put(name, queue.submit(seq, alert, body)));
    return outcomes;
  }

  /** Fails the deliveries not yet ended and stops the threads; nothing is sent afterwards. */
  @Override
  public void close() {
    queues.values().forEach(EndpointQueue::close);
    executor.shutdownNow();
  }
}
