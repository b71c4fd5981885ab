package io.twinworks.runtime.alert;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.runtime.http.ApiHarness;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.BufferOverflowException;
import org.apache.pekko.stream.javadsl.AsPublisher;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class AlertTailTest {

  private static final ApiHarness api = new ApiHarness("AlertTailTest", "twinworks.alerts.subscriber-buffer = 16");
  private static final TwinId TWIN = TwinId.of("tail:s1");
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void aChangeAppendedToTheLogIsLiveWithinASecondAndOlderOnesAreNot() throws Exception {
    long before = api.append(alert(TWIN, 1, Severity.WARNING, AlertState.ACTIVE, T0));
    // A tail started now begins at the log's last seq: the change above is not live news.
    AlertTail fresh = AlertTail.start(api.testKit().system(), api.alertLog(), api.tail().settings());
    CompletionStage<LoggedAlert> first = fresh.live().runWith(Sink.head(), api.testKit().system());
    Thread.sleep(200); // the subscription registers asynchronously
    long appended = api.append(alert(TWIN, 2, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(1)));
    LoggedAlert got = first.toCompletableFuture().get(1, TimeUnit.SECONDS);
    assertEquals(before + 1, appended);
    assertEquals(appended, got.seq());
    assertEquals("tail:s1~2", got.alert().id());
    fresh.stop();
  }

  @Test
  void aSubscriberThatNeverReadsFailsAloneAndDoesNotDelayAnother() throws Exception {
    NeverRequests slow = new NeverRequests();
    api.tail().live().runWith(Sink.asPublisher(AsPublisher.WITHOUT_FANOUT), api.testKit().system()).subscribe(slow);
    int n = 300; // far more than the subscriber buffer (16) and the stages' own buffers
    CompletionStage<List<LoggedAlert>> fast = api.tail().live().take(n).runWith(Sink.seq(), api.testKit().system());
    Thread.sleep(200);
    for (int i = 0; i < n; i++) {
      api.append(alert(TWIN, 100 + i, Severity.INFO, AlertState.ACTIVE, T0.plusSeconds(100 + i)));
    }
    List<LoggedAlert> got = fast.toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(n, got.size());
    assertEquals("tail:s1~100", got.get(0).alert().id());
    assertEquals("tail:s1~399", got.get(n - 1).alert().id());
    assertInstanceOf(BufferOverflowException.class, slow.error.get(5, TimeUnit.SECONDS));
  }

  /** Subscribes and never asks for anything. */
  private static final class NeverRequests implements Subscriber<LoggedAlert> {

    final CompletableFuture<Throwable> error = new CompletableFuture<>();

    @Override
    public void onSubscribe(Subscription subscription) {}

    @Override
    public void onNext(LoggedAlert change) {}

    @Override
    public void onError(Throwable failure) {
      error.complete(failure);
    }

    @Override
    public void onComplete() {}
  }
}
