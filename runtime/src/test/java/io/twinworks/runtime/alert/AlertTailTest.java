package io.twinworks.runtime.alert;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static io.twinworks.runtime.alert.StageWaits.awaitQuietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.runtime.http.ApiHarness;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
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
  void aChangeAppendedAfterTheTailStartedIsLiveAndOlderOnesAreNot() throws Exception {
    long before = api.append(alert(TWIN, 1, Severity.WARNING, AlertState.ACTIVE, T0));
    // A tail started now begins at the log's last seq: the change above is not live news.
    AlertTail fresh = AlertTail.start(api.testKit().system(), api.alertLog(), api.tail().settings());
    CompletionStage<LoggedAlert> first = fresh.live().runWith(Sink.head(), api.testKit().system());
    // The tail reads the last seq and the subscription registers asynchronously: append until one is seen.
    long appended = 0;
    for (int n = 2; !first.toCompletableFuture().isDone() && n < 100; n++) {
      appended = api.append(alert(TWIN, n, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(n)));
      awaitQuietly(first, 500);
    }
    LoggedAlert got = first.toCompletableFuture().get(1, TimeUnit.SECONDS);
    assertTrue(got.seq() > before && got.seq() <= appended, "got " + got.seq() + " after " + before);
    assertEquals("tail:s1~" + (got.seq() - before + 1), got.alert().id());
    fresh.stop();
  }

  @Test
  void anAppendsChangesThatFollowOnAreLiveWithoutReadingTheLogAndAfterAGapOnlyTheLogCounts() throws Exception {
    long last = api.alertLog().lastSeq().toCompletableFuture().get(5, TimeUnit.SECONDS);
    AppendSignal appends = new AppendSignal();
    AlertTail tail = AlertTail.start(api.testKit().system(), api.alertLog(), api.tail().settings(), appends);
    List<LoggedAlert> got = new CopyOnWriteArrayList<>();
    tail.live().runWith(Sink.foreach(got::add), api.testKit().system());
    // None of these is in the log: what arrives came with its notice. The tail reads the log's last seq and the
    // subscription registers asynchronously, and a notice that comes while the tail reads the log after another
    // one may be passed over (the log read covers it): tell each until it arrives (a repeat no longer follows on).
    tellUntilLive(appends, List.of(notLogged(last + 1)), got);
    tellUntilLive(appends, List.of(notLogged(last + 2), notLogged(last + 3)), got);
    // A notice after a lost one does not follow on: the tail reads the log, which (here) lacks the change.
    appends.appended(last + 6, List.of(notLogged(last + 6)));
    Thread.sleep(300);
    assertEquals(List.of(notLogged(last + 1), notLogged(last + 2), notLogged(last + 3)), got);
    tail.stop();
  }

  private static void tellUntilLive(AppendSignal appends, List<LoggedAlert> changes, List<LoggedAlert> got)
      throws InterruptedException {
    LoggedAlert lastChange = changes.get(changes.size() - 1);
    for (int i = 0; !got.contains(lastChange) && i < 100; i++) {
      appends.appended(lastChange.seq(), changes);
      Thread.sleep(50);
    }
  }

  private static LoggedAlert notLogged(long seq) {
    return new LoggedAlert(seq, alert(TwinId.of("tail:notice"), seq, Severity.INFO, AlertState.ACTIVE,
        T0.plusSeconds(seq)));
  }

  @Test
  void aSubscriberThatNeverReadsFailsAloneAndDoesNotDelayAnother() throws Exception {
    NeverRequests slow = new NeverRequests();
    api.tail().live().runWith(Sink.asPublisher(AsPublisher.WITHOUT_FANOUT), api.testKit().system()).subscribe(slow);
    int n = 300; // far more than the subscriber buffer (16) and the stages' own buffers
    CompletionStage<List<LoggedAlert>> fast = api.tail().live()
        .filter(change -> number(change) >= 100)
        .take(n).runWith(Sink.seq(), api.testKit().system());
    // Subscribed last: once it sees a change, the two above (registered before it) are live too.
    CompletionStage<LoggedAlert> ready = api.tail().live().runWith(Sink.head(), api.testKit().system());
    for (int i = 0; !ready.toCompletableFuture().isDone() && i < 50; i++) {
      api.append(alert(TWIN, 10 + i, Severity.INFO, AlertState.ACTIVE, T0.plusSeconds(10 + i)));
      awaitQuietly(ready, 500);
    }
    for (int i = 0; i < n; i++) {
      api.append(alert(TWIN, 100 + i, Severity.INFO, AlertState.ACTIVE, T0.plusSeconds(100 + i)));
    }
    List<LoggedAlert> got = fast.toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertEquals(n, got.size());
    assertEquals("tail:s1~100", got.get(0).alert().id());
    assertEquals("tail:s1~399", got.get(n - 1).alert().id());
    assertInstanceOf(BufferOverflowException.class, slow.error.get(20, TimeUnit.SECONDS));
  }

  private static int number(LoggedAlert change) {
    String id = change.alert().id();
    return Integer.parseInt(id.substring(id.indexOf('~') + 1));
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
