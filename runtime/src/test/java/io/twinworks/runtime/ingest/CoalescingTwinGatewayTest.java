package io.twinworks.runtime.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.Test;

class CoalescingTwinGatewayTest {

  private static final TwinId PUMP = TwinId.of("default:pump");
  private static final TwinId FAN = TwinId.of("default:fan");

  private final HandAnsweredTwins twins = new HandAnsweredTwins();
  private final List<Recorded> outcomes = new ArrayList<>();
  private final CoalescingTwinGateway gateway = new CoalescingTwinGateway(twins, 3, outcomes::add);

  @Test
  void readingsArrivingWhileATwinPersistsGoTogetherInItsNextCommand() {
    CompletableFuture<Recorded> first = record(PUMP, 1);
    CompletableFuture<Recorded> second = record(PUMP, 2);
    CompletableFuture<Recorded> third = record(PUMP, 3);
    assertEquals(List.of(values(1)), values(twins.commands), "only the first is sent while it persists");

    twins.accept(0);
    assertTrue(first.isDone());
    assertFalse(second.isDone());
    assertEquals(List.of(values(1), values(2, 3)), values(twins.commands), "the waiting two as one command, in order");

    twins.accept(1);
    assertEquals(2, second.join().accepted(), "both callers get the outcome of the command they went in");
    assertEquals(2, third.join().accepted());
    assertEquals(List.of(1, 2), outcomes.stream().map(Recorded::accepted).toList(), "each command counted once");
  }

  @Test
  void aLossWaitsForTheReadingsBeforeItAndGoesAlone() {
    record(PUMP, 1);
    record(PUMP, 2);
    CompletableFuture<Done> lost = gateway.lost(PUMP, TwinKind.SENSOR, Instant.ofEpochSecond(1000), "test")
        .toCompletableFuture();
    record(PUMP, 3);
    assertEquals(1, twins.commands.size(), "the loss waits in the lane behind the readings");
    twins.accept(0);
    assertEquals(values(2), values(twins.commands).get(1), "readings before the loss are not merged past it");
    twins.accept(1);
    assertEquals(values(), values(twins.commands).get(2), "then the loss, alone");
    assertFalse(lost.isDone());
    twins.accept(2);
    assertTrue(lost.isDone());
    assertEquals(values(3), values(twins.commands).get(3), "then what came after it");
    assertEquals(List.of(1, 1), outcomes.stream().map(Recorded::accepted).toList(), "a loss records no outcome");
  }

  @Test
  void eachTwinHasItsOwnLane() {
    record(PUMP, 1);
    record(FAN, 2);
    assertEquals(List.of(values(1), values(2)), values(twins.commands));
  }

  @Test
  void aCommandNeverExceedsTheLimitButAlwaysTakesOneWholeCaller() {
    record(PUMP, 1);
    record(PUMP, 2, 3);
    record(PUMP, 4, 5);
    record(PUMP, 6, 7, 8, 9);
    twins.accept(0);
    assertEquals(values(2, 3), values(twins.commands).get(1), "2+2 readings would exceed the limit of 3");
    twins.accept(1);
    assertEquals(values(4, 5), values(twins.commands).get(2));
    twins.accept(2);
    assertEquals(values(6, 7, 8, 9), values(twins.commands).get(3), "a caller larger than the limit goes alone");
  }

  @Test
  void aRefusedCommandIsRetriedOneCallerAtATimeSoOnlyTheInvalidOneFails() {
    record(PUMP, 1);
    CompletableFuture<Recorded> valid = record(PUMP, 2);
    CompletableFuture<Recorded> invalid = record(PUMP, 3);
    twins.accept(0);
    twins.answers.get(1).completeExceptionally(new StatusReply.ErrorMessage("bad time"));
    assertEquals(values(2), values(twins.commands).get(2));
    twins.accept(2);
    assertEquals(values(3), values(twins.commands).get(3));
    twins.answers.get(3).completeExceptionally(new StatusReply.ErrorMessage("bad time"));
    assertEquals(1, valid.join().accepted());
    assertTrue(invalid.isCompletedExceptionally());
  }

  @Test
  void aFailureFailsEveryCallerOfThatCommandAndTheTwinMovesOn() {
    record(PUMP, 1);
    CompletableFuture<Recorded> a = record(PUMP, 2);
    CompletableFuture<Recorded> b = record(PUMP, 3);
    twins.accept(0);
    twins.answers.get(1).completeExceptionally(new RuntimeException("journal down"));
    assertTrue(a.isCompletedExceptionally());
    assertTrue(b.isCompletedExceptionally());
    assertEquals(2, twins.commands.size(), "an error other than a refusal is not retried here");

    CompletableFuture<Recorded> later = record(PUMP, 4);
    assertEquals(values(4), values(twins.commands).get(2), "the lane is free again");
    twins.accept(2);
    assertEquals(1, later.join().accepted());
  }

  private CompletableFuture<Recorded> record(TwinId twin, double... values) {
    List<Reading> readings = new ArrayList<>();
    for (double value : values) {
      readings.add(new Reading(twin, TwinKind.SENSOR, "value", value, Quality.GOOD,
          Instant.ofEpochSecond((long) value), Instant.ofEpochSecond(1000), "test", 0));
    }
    return gateway.record(twin, TwinKind.SENSOR, readings).toCompletableFuture();
  }

  private static List<Double> values(double... values) {
    List<Double> list = new ArrayList<>();
    for (double value : values) {
      list.add(value);
    }
    return list;
  }

  private static List<List<Double>> values(List<List<Reading>> commands) {
    return commands.stream().map(c -> c.stream().map(Reading::value).toList()).toList();
  }
}
