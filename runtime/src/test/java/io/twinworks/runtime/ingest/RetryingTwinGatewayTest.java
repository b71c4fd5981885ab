package io.twinworks.runtime.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.pattern.AskTimeoutException;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.Test;

class RetryingTwinGatewayTest {

  private static final TwinId PUMP = TwinId.of("default:pump");
  private static final List<Reading> READINGS = List.of(new Reading(PUMP, TwinKind.SENSOR, "value", 1.0, Quality.GOOD,
      Instant.ofEpochSecond(1), Instant.ofEpochSecond(2), "test", 0));

  private final HandAnsweredTwins twins = new HandAnsweredTwins();
  private final AtomicInteger retries = new AtomicInteger();
  private final RetryingTwinGateway gateway = new RetryingTwinGateway(twins, 2, retries::incrementAndGet);

  @Test
  void aTwinThatDidNotAnswerInTimeIsAskedAgainWithTheSameReadingsAndItsAnswerCounts() {
    CompletableFuture<Recorded> recorded = record();
    timeOut(0);
    assertEquals(2, twins.commands.size(), "asked again");
    assertEquals(READINGS, twins.commands.get(1), "with the same readings");
    assertFalse(recorded.isDone());
    assertFalse(gateway.isHealthy(), "not healthy while a retried ask waits");

    twins.accept(1);
    assertEquals(1, recorded.join().accepted());
    assertEquals(1, retries.get(), "one retry counted");
    assertTrue(gateway.isHealthy(), "healthy again once the retried ask was answered");
  }

  @Test
  void afterItsRetriesATimeoutFailsTheAsk() {
    CompletableFuture<Recorded> recorded = record();
    timeOut(0);
    timeOut(1);
    timeOut(2);
    assertEquals(3, twins.commands.size(), "the first ask and two retries, no more");
    CompletionException failure = assertThrows(CompletionException.class, recorded::join);
    assertInstanceOf(AskTimeoutException.class, Failures.unwrap(failure));
    assertTrue(gateway.isHealthy(), "nothing left being retried");
  }

  @Test
  void aRefusedBatchIsNotAskedAgain() {
    CompletableFuture<Recorded> recorded = record();
    twins.answers.get(0).completeExceptionally(new StatusReply.ErrorMessage("invalid reading"));
    assertEquals(1, twins.commands.size());
    assertThrows(CompletionException.class, recorded::join);
    assertEquals(0, retries.get());
  }

  @Test
  void onceStoppedATimeoutFailsAtOnce() {
    CompletableFuture<Recorded> recorded = record();
    gateway.stopRetrying();
    timeOut(0);
    assertEquals(1, twins.commands.size(), "not asked again while the node stops");
    assertThrows(CompletionException.class, recorded::join);
  }

  private CompletableFuture<Recorded> record() {
    return gateway.record(PUMP, TwinKind.SENSOR, READINGS).toCompletableFuture();
  }

  private void timeOut(int command) {
    twins.answers.get(command).completeExceptionally(new AskTimeoutException("no answer within 15 s"));
  }
}
