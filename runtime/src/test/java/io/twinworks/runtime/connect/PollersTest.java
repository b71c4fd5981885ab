package io.twinworks.runtime.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pollers as sharded daemons on a one-node cluster: each started once, retried when it fails, closed at the end. */
class PollersTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private ActorTestKit testKit;
  private final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> closed = new ConcurrentHashMap<>();

  @BeforeEach
  void cluster() {
    Config config = ConfigFactory.parseString("""
        pekko.loglevel = WARNING
        pekko.actor.provider = cluster
        pekko.remote.artery.canonical.hostname = "127.0.0.1"
        pekko.remote.artery.canonical.port = 0
        """).withFallback(ConfigFactory.load()).resolve();
    testKit = ActorTestKit.create("pollers", config);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    testKit.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(MemberStatus.up(), cluster.selfMember().status());
      return null;
    });
  }

  @AfterEach
  void stop() {
    if (testKit != null) {
      testKit.shutdownTestKit();
    }
  }

  @Test
  void everyPollerRunsOnceAndIsClosedWhenTheNodeStops() {
    Pollers.start(testKit.system(), List.of(spec("modbus:a", 0), spec("opcua:b", 0)), NO_SINK);
    testKit.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(1, count(started, "modbus:a"));
      assertEquals(1, count(started, "opcua:b"));
      return null;
    });

    testKit.shutdownTestKit();
    testKit = null;
    assertEquals(1, count(closed, "modbus:a"));
    assertEquals(1, count(closed, "opcua:b"));
  }

  @Test
  void aPollerThatFailsToStartIsTriedAgain() {
    Pollers.start(testKit.system(), List.of(spec("modbus:flaky", 2)), NO_SINK);
    // two failed starts, then the third runs (backoff 1 s, then 2 s)
    testKit.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(3, count(started, "modbus:flaky"));
      return null;
    });
  }

  @Test
  void namesMustBeUnique() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pollers.start(testKit.system(), List.of(spec("modbus:a", 0), spec("modbus:a", 0)), NO_SINK));
    assertTrue(e.getMessage().contains("'modbus:a'"), e.getMessage());
  }

  /** A poller that counts its starts and closes; its first {@code failures} starts throw. */
  private PollerSpec spec(String name, int failures) {
    return new PollerSpec(name, sink -> {
      int attempt = started.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
      if (attempt <= failures) {
        throw new IllegalStateException("cannot reach " + name + " (attempt " + attempt + ")");
      }
      return () -> closed.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    });
  }

  private static int count(Map<String, AtomicInteger> counts, String name) {
    AtomicInteger count = counts.get(name);
    return count == null ? 0 : count.get();
  }

  /** A sink that takes everything and keeps nothing. */
  static final ReadingSink NO_SINK = new ReadingSink() {
    @Override
    public CompletionStage<Done> readings(List<Reading> readings) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> deadLetter(DeadLetter letter) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  };
}
