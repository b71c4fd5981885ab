package io.twinworks.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.persistence.StoreJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The store jobs run on one node of a two-node cluster, and on the other once the first has left. */
class StoreJobsTest {

  private static final TwoNodes nodes = new TwoNodes("StoreJobsTest", "");
  private static final ExecutorService blocking = Executors.newFixedThreadPool(2);

  @AfterAll
  static void shutdown() {
    nodes.close();
    blocking.shutdown();
  }

  @Test
  void onlyOneNodeRunsTheJobsAndTheOtherTakesOver() {
    AtomicInteger onFirst = start(nodes.first());
    AtomicInteger onSecond = start(nodes.second());
    nodes.eventually(() -> onFirst.get() >= 3);
    assertEquals(0, onSecond.get(), "the second node ran no pass while the first ran " + onFirst.get());

    nodes.firstLeaves();
    int byFirst = onFirst.get();
    nodes.eventually(() -> onSecond.get() >= 3);
    assertEquals(byFirst, onFirst.get(), "no pass on the first node after it left");
  }

  /** A job counting its passes on {@code node}, every 50 ms. */
  private static AtomicInteger start(ActorSystem<?> node) {
    AtomicInteger passes = new AtomicInteger();
    StoreJobs.start(node, List.of(new StoreJob("count", Duration.ofMillis(50), passes::incrementAndGet)),
        blocking);
    return passes;
  }
}
