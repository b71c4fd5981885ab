package io.twinworks.runtime.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.cluster.TwoNodes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pollers on a two-node cluster: each runs on exactly one node, and when that node leaves, its pollers start on the
 * other one (the runtime's pollers are instances of one sharded daemon process; a node that dies hands them over the
 * same way once the split-brain resolver has downed it, as {@code ClusterNodeLossIT} shows for the twins' shards).
 */
class PollersTakeoverTest {

  private static final List<String> NAMES = IntStream.range(0, 6).mapToObj(i -> "modbus:device-" + i).toList();

  private final TwoNodes nodes = new TwoNodes("pollers-takeover", "");
  /** Per poller, the node it runs on now; absent while it runs nowhere. */
  private final Map<String, String> runningOn = new ConcurrentHashMap<>();
  /** Set when a poller was started while it already ran somewhere. */
  private final Map<String, String> startedTwice = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void everyPollerRunsOnceAndThePollersOfALeavingNodeMoveToTheOther() {
    start(nodes.first());
    start(nodes.second());
    String first = address(nodes.first());
    // Every poller runs, some on the node that will leave. The coordinator may first give all of them to the other
    // node (its region can register first); it then rebalances one at a time (every 10 s), and the poller it moved
    // starts again at the next keep-alive (every second), so this may take ~11 s.
    nodes.eventually(() -> runningOn.keySet().containsAll(NAMES)
        && NAMES.stream().anyMatch(name -> first.equals(runningOn.get(name))));

    nodes.firstLeaves();

    String second = address(nodes.second());
    nodes.eventually(() -> NAMES.stream().allMatch(name -> second.equals(runningOn.get(name))));
    assertTrue(startedTwice.isEmpty(), "a poller never runs on two nodes at once: " + startedTwice);
    assertEquals(NAMES.size(), runningOn.size());
  }

  /** The same specs on a node, as every node of a cluster starts them from the same configuration. */
  private void start(ActorSystem<Void> node) {
    String address = address(node);
    List<PollerSpec> specs = NAMES.stream().map(name -> new PollerSpec(name, sink -> {
      String before = runningOn.putIfAbsent(name, address);
      if (before != null) {
        startedTwice.put(name, before + " and " + address);
      }
      return () -> runningOn.remove(name, address);
    })).toList();
    Pollers.start(node, specs, PollersTest.NO_SINK);
  }

  private static String address(ActorSystem<?> node) {
    return Cluster.get(node).selfMember().address().toString();
  }
}
