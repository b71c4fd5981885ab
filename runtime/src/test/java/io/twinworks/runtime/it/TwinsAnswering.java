package io.twinworks.runtime.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Asks many twins at once ({@code GET /api/v1/twins/{id}}, a bounded number in flight, spread over the given nodes)
 * until each has answered 200 once, or the time is up.
 */
final class TwinsAnswering {

  private static final int IN_FLIGHT = 256;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private TwinsAnswering() {}

  /** Answers how long it took until every twin had answered 200; throws naming those that did not in time. */
  static Duration awaitAll(List<Integer> httpPorts, List<String> twinIds, Duration within) throws Exception {
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    Set<String> pending = ConcurrentHashMap.newKeySet();
    pending.addAll(twinIds);
    Semaphore room = new Semaphore(IN_FLIGHT);
    int round = 0;
    while (!pending.isEmpty()) {
      if (System.nanoTime() > deadline) {
        List<String> sample = new ArrayList<>(pending).subList(0, Math.min(5, pending.size()));
        throw new AssertionError(pending.size() + " of " + twinIds.size() + " twins did not answer 200 within "
            + within + ", e.g. " + sample);
      }
      List<CompletableFuture<?>> asks = new ArrayList<>();
      int i = round++;
      for (String id : List.copyOf(pending)) {
        int port = httpPorts.get(i++ % httpPorts.size());
        room.acquire();
        asks.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/twins/" + id))
                .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding())
            .whenComplete((response, failure) -> {
              room.release();
              if (failure == null && response.statusCode() == 200) {
                pending.remove(id);
              }
            }));
      }
      CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
      if (!pending.isEmpty()) {
        RuntimeProcess.pause(200);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
