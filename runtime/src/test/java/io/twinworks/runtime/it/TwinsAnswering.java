package io.twinworks.runtime.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks many twins at once ({@code GET /api/v1/twins/{id}}, a bounded number in flight, spread over the given nodes)
 * until each has answered 200 once, or the time is up. Each twin is asked again on its own as soon as its last ask
 * failed (after {@link #RETRY_PAUSE}), not in rounds, so the time measured is when the last twin really answered,
 * not when the round it was in ended.
 */
final class TwinsAnswering {

  /**
   * Enough to ask 1,000 twins within a second or two once they answer, few enough not to be the load: 256 at once
   * (each a registry read and a twin ask, retried every 100 ms while the twins move) kept three runtimes and Cassandra
   * busy enough to slow the very take-over it measures.
   */
  private static final int IN_FLIGHT = 64;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private TwinsAnswering() {}

  /** Answers how long it took until every twin had answered 200; throws naming those that did not in time. */
  static Duration awaitAll(List<Integer> httpPorts, List<String> twinIds, Duration within) throws Exception {
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    Queue<String> toAsk = new ConcurrentLinkedQueue<>(twinIds);
    AtomicInteger answered = new AtomicInteger();
    AtomicLong lastAnswer = new AtomicLong(start);
    Queue<Long> answeredAt = new ConcurrentLinkedQueue<>();
    Semaphore room = new Semaphore(IN_FLIGHT);
    Executor later = CompletableFuture.delayedExecutor(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    int asks = 0;
    while (answered.get() < twinIds.size() && System.nanoTime() < deadline) {
      String id = toAsk.poll();
      if (id == null) {
        RuntimeProcess.pause(10); // every pending twin is being asked or waits to be asked again
        continue;
      }
      int port = httpPorts.get(asks++ % httpPorts.size());
      room.acquire();
      HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/twins/" + id))
              .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, failure) -> {
            room.release();
            if (failure == null && response.statusCode() == 200) {
              long now = System.nanoTime();
              lastAnswer.set(now);
              answeredAt.add(now - start);
              answered.incrementAndGet();
            } else {
              later.execute(() -> toAsk.add(id));
            }
          });
    }
    if (answered.get() < twinIds.size()) {
      room.acquire(IN_FLIGHT); // let the asks in flight finish, so the twins still pending are known
      List<String> pending = new ArrayList<>(toAsk);
      throw new AssertionError((twinIds.size() - answered.get()) + " of " + twinIds.size()
          + " twins did not answer 200 within " + within + ", e.g. " + pending.subList(0, Math.min(5, pending.size())));
    }
    System.out.println("TwinsAnswering: " + spread(answeredAt));
    return Duration.ofNanos(lastAnswer.get() - start);
  }

  /** When the twins answered, e.g. "50 % by 13.1 s, 67 % by 19.1 s, ..., 99 % by 32.0 s, all by 32.2 s". */
  private static String spread(Queue<Long> answeredAt) {
    long[] sorted = answeredAt.stream().mapToLong(Long::longValue).sorted().toArray();
    StringBuilder text = new StringBuilder();
    for (int percent : new int[] {50, 67, 70, 80, 90, 95, 99}) {
      long at = sorted[Math.max(0, sorted.length * percent / 100 - 1)];
      text.append(String.format("%d %% by %.1f s, ", percent, at / 1e9));
    }
    return text.append(String.format("all by %.1f s", sorted[sorted.length - 1] / 1e9)).toString();
  }
}
