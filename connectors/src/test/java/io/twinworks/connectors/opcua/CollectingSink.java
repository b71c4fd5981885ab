package io.twinworks.connectors.opcua;

import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.apache.pekko.Done;

/** A sink that keeps what it is given and lets a test wait until something arrived. */
final class CollectingSink implements ReadingSink {

  private final List<Reading> readings = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  @Override
  public synchronized CompletionStage<Done> readings(List<Reading> batch) {
    readings.addAll(batch);
    notifyAll();
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public synchronized CompletionStage<Done> deadLetter(DeadLetter letter) {
    deadLetters.add(letter);
    notifyAll();
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  synchronized List<Reading> readings() {
    return List.copyOf(readings);
  }

  synchronized List<Reading> readings(String signal) {
    return readings.stream().filter(r -> r.signal().equals(signal)).toList();
  }

  synchronized List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /** The first reading of {@code signal} matching {@code test}, waiting up to {@code timeout} for it. */
  Reading await(String signal, Predicate<Reading> test, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        for (Reading reading : readings) {
          if (reading.signal().equals(signal) && test.test(reading)) {
            return reading;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no reading of " + signal + " as expected within " + timeout + "; got "
              + readings(signal).stream().map(r -> r.value() + "/" + r.quality()).toList() + ", dead letters "
              + deadLetters.stream().map(DeadLetter::reason).toList());
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits up to {@code timeout} until there are {@code count} dead letters. */
  List<DeadLetter> awaitDeadLetters(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (deadLetters.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("expected " + count + " dead letters within " + timeout + ", got " + deadLetters);
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return List.copyOf(deadLetters);
    }
  }
}
