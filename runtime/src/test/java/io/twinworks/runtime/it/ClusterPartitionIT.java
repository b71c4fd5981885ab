package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import io.twinworks.persistence.cassandra.launcher.LaunchSettings;
import io.twinworks.runtime.bench.LoadPublisher;
import io.twinworks.testsupport.CassandraFixture;
import io.twinworks.testsupport.MosquittoBroker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A real network partition: node 3 runs in its own network namespace and, under a steady load, loses its link to the
 * other two nodes while it still reaches Cassandra and Mosquitto, so it could go on writing its twins' journals. The
 * split-brain resolver (keep-majority) must make each side act alone: node 3, the minority, downs itself and its
 * runtime exits (to be started again by its supervisor); nodes 1 and 2 down node 3 and take over its twins after the
 * removal margin, by which time node 3 has stopped them. After the partition heals and node 3 is started again,
 * every published reading is in history exactly once: no twin ran on both sides at once.
 */
class ClusterPartitionIT {

  private static final int TWINS = 300;
  private static final int READINGS_EACH = 60;
  /** Each twin a reading every 1.5 s: 90 s of load, longer than the partition's resolution. */
  private static final int READINGS_PER_SECOND = 200;
  private static final int CUT_OFF = 3;
  /** Failure detection (~5 s) and stable-after (5 s) until node 3 downs itself, then its coordinated shutdown. */
  private static final Duration MINORITY_EXITS_WITHIN = Duration.ofSeconds(60);
  private static final Duration ANSWER_AGAIN_WITHIN = Duration.ofSeconds(60);

  @Test
  void theCutOffNodeDownsItselfAndTheMajorityTakesOverItsTwinsWithNothingLostOrDoubled() throws Exception {
    try (NetworkNamespace namespace = NetworkNamespace.create();
        CassandraNode cassandra = CassandraFixture.start(LaunchSettings.EVERY_INTERFACE);
        MosquittoBroker mosquitto = MosquittoBroker.startPersistentOnEveryInterface();
        RuntimeCluster cluster = RuntimeCluster.start(RuntimeCluster.newDir("ClusterPartitionIT"),
            List.of(outside(namespace), outside(namespace), inside(namespace)), cassandra, "cluster_partition",
            mosquitto.url(), Map.of("twinworks.heartbeat.default-timeout", "10m"))) {
      try {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> twins = IntStream.range(0, TWINS).mapToObj(LoadPublisher::twinId).toList();
        new LoadPublisher(mosquitto.url(), TWINS, 1, start.minus(1, ChronoUnit.DAYS))
            .publishAll(1000, Duration.ofMinutes(1));
        List<Integer> majority = List.of(cluster.node(1).httpPort(), cluster.node(2).httpPort());
        TwinsAnswering.awaitAll(majority, twins, Duration.ofMinutes(3));

        LoadPublisher publisher = new LoadPublisher(mosquitto.url(), TWINS, READINGS_EACH, start);
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> publish(publisher));
        Eventually.within(Duration.ofSeconds(30), () -> assertTrue(publisher.acknowledged() >= publisher.total() / 8,
            "an eighth of the load published: " + publisher.acknowledged()));

        namespace.cutClusterLink();
        long cut = System.nanoTime();
        OptionalInt exit = cluster.node(CUT_OFF).awaitExit(MINORITY_EXITS_WITHIN);
        if (exit.isEmpty()) {
          fail("the cut-off node must down itself and exit within " + MINORITY_EXITS_WITHIN
              + cluster.node(CUT_OFF).diagnosis(30));
        }
        assertEquals(3, exit.getAsInt(), "exit code of a node downed by the cluster");
        assertTrue(cluster.node(CUT_OFF).logText().contains("downed by the cluster"), "the node says why it exits");
        System.out.printf("ClusterPartitionIT: the cut-off node exited %.1f s after the cut%n", seconds(cut));

        cluster.awaitMembersUp(2);
        TwinsAnswering.awaitAll(majority, twins, ANSWER_AGAIN_WITHIN);
        System.out.printf("ClusterPartitionIT: every twin answered from the majority %.1f s after the cut%n",
            seconds(cut));

        namespace.restoreClusterLink();
        cluster.startNode(CUT_OFF); // same client id: its session holds what was in flight to it
        cluster.awaitMembersUp(3);
        load.get();
        ExactlyOnceCheck.verifyAll(List.of(cluster.node(1), cluster.node(2)), publisher, TWINS, READINGS_EACH);
      } catch (AssertionError | Exception e) {
        System.out.println(cluster.logs());
        throw e;
      }
    }
  }

  /** A node outside the namespace: remoting on this host's end of the cluster link, services on loopback. */
  private static RuntimeCluster.NodePlacement outside(NetworkNamespace namespace) {
    return new RuntimeCluster.NodePlacement(namespace.hostClusterAddress(), "127.0.0.1",
        RuntimeProcess.Placement.LOCAL);
  }

  /** The node inside: remoting on its end of the cluster link, services and management over the services link. */
  private static RuntimeCluster.NodePlacement inside(NetworkNamespace namespace) {
    return new RuntimeCluster.NodePlacement(namespace.clusterAddress(), namespace.hostServicesAddress(),
        new RuntimeProcess.Placement(namespace.execPrefix(), namespace.servicesAddress()));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void publish(LoadPublisher publisher) {
    try {
      publisher.publishAll(1000, READINGS_PER_SECOND, Duration.ofMinutes(5));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
