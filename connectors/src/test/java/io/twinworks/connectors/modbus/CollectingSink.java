package io.twinworks.connectors.modbus;

import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.pekko.Done;
import org.junit.jupiter.api.Assertions;

/** A sink that keeps what a poller handed it: each batch of readings, and the dead letters. */
final class CollectingSink implements ReadingSink {

  final List<List<Reading>> batches = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  @Override
  public CompletionStage<Done> readings(List<Reading> readings) {
    batches.add(readings);
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public CompletionStage<Done> deadLetter(DeadLetter letter) {
    deadLetters.add(letter);
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  /** The first batch from index {@code from} on that {@code matches}, waiting up to 15 s for it. */
  List<Reading> awaitBatch(int from, Predicate<List<Reading>> matches, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = from; i < batches.size(); i++) {
        if (matches.test(batches.get(i))) {
          return batches.get(i);
        }
      }
      Thread.sleep(20);
    }
    return Assertions.fail("no batch of readings " + what + " within 15 s; got " + batches.size()
        + " batches, the last " + (batches.isEmpty() ? "none" : batches.get(batches.size() - 1))
        + "; dead letters " + deadLetters);
  }

  /** The first dead letter whose reason contains {@code text}, waiting up to 15 s for it. */
  DeadLetter awaitDeadLetter(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (DeadLetter letter : deadLetters) {
        if (letter.reason().contains(text)) {
          return letter;
        }
      }
      Thread.sleep(20);
    }
    return Assertions.fail("no dead letter with '" + text + "' within 15 s; got " + deadLetters);
  }
}
