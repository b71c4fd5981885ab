package io.twinworks.runtime.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.persistence.EmbeddedStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.Leave;

/**
 * Two actor systems in this JVM joined in one cluster over loopback (free ports), each with the in-memory journal,
 * over one embedded H2 store in memory that both use, as the nodes of a real cluster share Cassandra. The first
 * node is the oldest, so cluster singletons start there. One per test class; {@link #close()} after.
 */
public final class TwoNodes implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Config config;
  private final ActorTestKit first;
  private final ActorTestKit second;
  private final ExecutorService blocking = Executors.newFixedThreadPool(4);
  private final EmbeddedStore store;

  /** With {@code overrides} of the test configuration, e.g. a webhook endpoint. */
  public TwoNodes(String name, String overrides) {
    config = ConfigFactory.parseString(overrides).withFallback(ConfigFactory.parseString("""
        pekko.loglevel = WARNING
        pekko.actor.provider = cluster
        pekko.remote.artery.canonical.hostname = "127.0.0.1"
        pekko.remote.artery.canonical.port = 0
        pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
        # A node that stopped before the other saw it leave is downed soon, so the other can leave too.
        pekko.cluster.split-brain-resolver.stable-after = 2s
        pekko.actor.testkit.typed.system-shutdown-default = 30s
        pekko.persistence.journal.plugin = "pekko.persistence.journal.inmem"
        pekko.persistence.snapshot-store.plugin = "pekko.persistence.snapshot-store.local"
        twinworks.twins.snapshot-every = 100000
        """)).withFallback(ConfigFactory.parseMap(Map.of(
            "twinworks.store.h2.url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "pekko.persistence.snapshot-store.local.dir", System.getProperty("java.io.tmpdir") + "/" + name)))
        .withFallback(ConfigFactory.load()).resolve();
    // One system name for both: a cluster's members share it.
    first = ActorTestKit.create(name, config);
    second = ActorTestKit.create(name, config);
    store = EmbeddedStore.open(config, blocking);
    Cluster firstCluster = Cluster.get(first.system());
    firstCluster.manager().tell(Join.create(firstCluster.selfMember().address()));
    awaitUp(first);
    Cluster.get(second.system()).manager().tell(Join.create(firstCluster.selfMember().address()));
    awaitUp(second);
  }

  public Config config() {
    return config;
  }

  /** The oldest node: cluster singletons run here until it leaves. */
  public ActorSystem<Void> first() {
    return first.system();
  }

  public ActorSystem<Void> second() {
    return second.system();
  }

  public EmbeddedStore store() {
    return store;
  }

  /** The first node leaves the cluster gracefully (its coordinated shutdown runs); waits until it is gone. */
  public void firstLeaves() {
    Cluster.get(first.system()).manager().tell(Leave.create(Cluster.get(first.system()).selfMember().address()));
    eventually(() -> countMembers(second.system()) == 1);
  }

  /** Retries {@code condition} until it holds or {@link #TIMEOUT} has passed. */
  public void eventually(Supplier<Boolean> condition) {
    eventuallyOn(second, condition);
  }

  private static void eventuallyOn(ActorTestKit node, Supplier<Boolean> condition) {
    node.createTestProbe().awaitAssert(TIMEOUT, () -> {
      if (!condition.get()) {
        throw new AssertionError("not yet");
      }
      return null;
    });
  }

  /** The second node stops first, and the first once it has seen it go, so that it leaves alone and at once. */
  @Override
  public void close() {
    second.shutdownTestKit();
    if (!first.system().getWhenTerminated().toCompletableFuture().isDone()) {
      eventuallyOn(first, () -> countMembers(first.system()) == 1);
    }
    first.shutdownTestKit();
    store.close();
    blocking.shutdown();
  }

  private void awaitUp(ActorTestKit node) {
    node.createTestProbe().awaitAssert(TIMEOUT, () -> {
      if (!Cluster.get(node.system()).selfMember().status().equals(MemberStatus.up())) {
        throw new AssertionError("not up yet");
      }
      return null;
    });
  }

  private static int countMembers(ActorSystem<?> system) {
    int members = 0;
    for (Member member : Cluster.get(system).state().getMembers()) {
      members++;
    }
    return members;
  }
}
