package io.twinworks.runtime.alert;

import static io.twinworks.runtime.http.ApiHarness.alert;
import static io.twinworks.runtime.alert.StageWaits.awaitQuietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.runtime.http.ApiHarness;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AlertFeedTest {

  private static final ApiHarness api = new ApiHarness("AlertFeedTest");
  private static final TwinId OTHER = TwinId.of("feed:other");
  private static final TwinId TWIN = TwinId.of("feed:t1");
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  @AfterAll
  static void shutdown() {
    api.close();
  }

  /**
   * A subscriber of one twin resuming from 0 while the log holds only other twins' changes: the log is read once,
   * and the check for changes the live subscription missed starts where that read ended, not at the last change
   * passed on (none here), which would read the whole log again before the first live change.
   */
  @Test
  void aNarrowResumedStreamReadsTheOlderLogOnceAndPassesOnItsTwinsFirstChangeFirst() throws Exception {
    for (int n = 1; n <= 30; n++) {
      api.append(alert(OTHER, n, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(n)));
    }
    long mark = api.alertLog().lastSeq().toCompletableFuture().get(5, TimeUnit.SECONDS);
    CountingAlertLog log = new CountingAlertLog(api.alertLog());
    log.open();
    CompletionStage<LoggedAlert> first = new AlertFeed(log, api.tail())
        .resume(AlertFilter.all().withTwin(TWIN), 0)
        .runWith(Sink.head(), api.testKit().system());
    // The twin's changes come after the stream has read the log (so they can only arrive live); the live
    // subscription registers asynchronously: append until the stream passes something on.
    for (long deadline = System.nanoTime() + 10_000_000_000L; log.sinceAnswered() == 0 && System.nanoTime() < deadline;) {
      Thread.sleep(10);
    }
    assertTrue(log.sinceAnswered() > 0, "the stream read the log");
    for (int n = 1; !first.toCompletableFuture().isDone() && n < 100; n++) {
      api.append(alert(TWIN, n, Severity.WARNING, AlertState.ACTIVE, T0.plusSeconds(100 + n)));
      awaitQuietly(first, 500);
    }
    assertEquals("feed:t1~1", first.toCompletableFuture().get(1, TimeUnit.SECONDS).alert().id(),
        "the twin's first change comes first, read or live");
    assertEquals(1, log.sinceCalls().stream().filter(after -> after < mark).count(),
        "reads of the log before the stream started: " + log.sinceCalls() + " (the log was at " + mark + ")");
  }
}
