package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import io.twinworks.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several runtime JVMs forming one cluster on one Cassandra and one Mosquitto, the way a plant runs them: each
 * node its own data dir, ports and MQTT client id ({@code twinworks-ingest-node<n>}), all in the shared group
 * {@code twinworks}, joined through the same seed nodes. Nodes are numbered from 1; node 1 is the first seed node.
 */
final class RuntimeCluster implements AutoCloseable {

  /** A node's start, joining included; generous, as the machine is shared (3 JVMs, Cassandra, Mosquitto on 2 cores). */
  private static final Duration READY_WITHIN = Duration.ofSeconds(180);

  private final Path dir;
  private final List<RuntimeProcess.Ports> ports = new ArrayList<>();
  private final List<Map<String, String>> settings = new ArrayList<>();
  private final List<NodePlacement> placements;
  private final RuntimeProcess[] nodes;

  private RuntimeCluster(Path dir, List<NodePlacement> placements) {
    this.dir = dir;
    this.placements = List.copyOf(placements);
    this.nodes = new RuntimeProcess[placements.size()];
  }

  /**
   * Where a node runs and how it is reached: Pekko remoting bound at {@code clusterHost}, Cassandra and Mosquitto
   * reached at {@code servicesHost} (they listen on loopback, or everywhere for a node in a network namespace), the
   * JVM and its management port placed by {@code process}.
   */
  record NodePlacement(String clusterHost, String servicesHost, RuntimeProcess.Placement process) {
    static final NodePlacement LOCAL = new NodePlacement(LOOPBACK, LOOPBACK, RuntimeProcess.Placement.LOCAL);
  }

  private static final String LOOPBACK = "127.0.0.1";

  /** Starts {@code size} nodes on loopback: node 1 first (it creates the schema and forms the cluster), the others together. */
  static RuntimeCluster start(Path dir, int size, CassandraNode cassandra, String keyspace, String mqttUrl,
      Map<String, String> extra) throws Exception {
    return start(dir, java.util.Collections.nCopies(size, NodePlacement.LOCAL), cassandra, keyspace, mqttUrl, extra);
  }

  /** Starts a node per placement, as {@link #start(Path, int, CassandraNode, String, String, Map)} does. */
  static RuntimeCluster start(Path dir, List<NodePlacement> placements, CassandraNode cassandra, String keyspace,
      String mqttUrl, Map<String, String> extra) throws Exception {
    int size = placements.size();
    RuntimeCluster cluster = new RuntimeCluster(dir, placements);
    List<Integer> remotePorts = IntStream.range(0, size).mapToObj(i -> FreePorts.find()).toList();
    String seeds = IntStream.range(0, size).mapToObj(i -> placements.get(i).clusterHost() + ":" + remotePorts.get(i))
        .collect(Collectors.joining(","));
    for (int i = 0; i < size; i++) {
      NodePlacement placement = placements.get(i);
      Map<String, String> node = new LinkedHashMap<>();
      node.put("twinworks.mqtt.url", mqttUrl.replace(LOOPBACK, placement.servicesHost()));
      node.put("twinworks.mqtt.client-id", "twinworks-ingest-node" + (i + 1));
      node.put("twinworks.mqtt.shared-group", "twinworks");
      node.put("twinworks.store.profile", "cassandra");
      node.put("twinworks.cassandra.contact-points", cassandra.contactPoint().replace(LOOPBACK,
          placement.servicesHost()));
      node.put("twinworks.cassandra.keyspace", keyspace);
      node.put("twinworks.cassandra.auto-create-schema", "true");
      node.put("twinworks.cluster.discovery", "seed-nodes");
      node.put("twinworks.cluster.seed-nodes", seeds);
      node.put("twinworks.cluster.host", placement.clusterHost());
      node.put("twinworks.cluster.port", String.valueOf(remotePorts.get(i)));
      node.put("twinworks.management.host", placement.process().host());
      node.putAll(extra);
      cluster.settings.add(Map.copyOf(node));
      cluster.ports.add(RuntimeProcess.Ports.free());
    }
    try {
      cluster.startNode(1);
      List<CompletableFuture<Void>> others = new ArrayList<>();
      for (int n = 2; n <= size; n++) {
        int number = n;
        others.add(CompletableFuture.runAsync(() -> cluster.startQuietly(number)));
      }
      CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
      cluster.awaitMembersUp(size);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * A new folder under {@code target/cluster-it/} for the nodes' data dirs and logs; kept after the test, so a failure
   * in CI can be read node by node.
   */
  static Path newDir(String test) throws IOException {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "cluster-it");
    Files.createDirectories(base);
    return Files.createTempDirectory(base, test + "-");
  }

  int size() {
    return nodes.length;
  }

  /** Every node, node 1 first. */
  List<RuntimeProcess> nodes() {
    return List.of(nodes);
  }

  /** Node {@code n} (1-based). */
  RuntimeProcess node(int n) {
    return nodes[n - 1];
  }

  /** Starts node {@code n} on its data dir, ports and client id; returns once it is {@code /ready}. */
  void startNode(int n) throws Exception {
    RuntimeProcess node = RuntimeProcess.start(dir.resolve("node" + n), ports.get(n - 1), settings.get(n - 1),
        READY_WITHIN, placements.get(n - 1).process());
    nodes[n - 1] = node;
    awaitReady(n);
  }

  /** {@code kill -9} of node {@code n}: nothing runs, as on a crash. */
  void kill9(int n) throws InterruptedException {
    node(n).kill9();
  }

  /** SIGTERM to node {@code n} and wait for it to exit (the coordinated shutdown leaves the cluster). */
  int stop(int n) throws InterruptedException {
    return node(n).stop();
  }

  /** Waits until node {@code n}'s management answers {@code /ready} (member Up, ingestion subscribed). */
  void awaitReady(int n) throws Exception {
    Eventually.within(READY_WITHIN, () -> assertEquals(200, node(n).managementGet("/ready").status(),
        "node " + n + " /ready"));
  }

  /** Waits until every node sees {@code expected} members Up (Pekko Management's {@code /cluster/members}). */
  void awaitMembersUp(int expected) throws Exception {
    for (int n = 1; n <= size(); n++) {
      if (node(n) != null && node(n).isAlive()) {
        int number = n;
        Eventually.within(READY_WITHIN, () -> assertEquals(expected, membersUp(number), "members Up seen by node "
            + number));
      }
    }
  }

  private long membersUp(int n) throws Exception {
    RuntimeProcess.Answer members = node(n).managementGet("/cluster/members");
    assertEquals(200, members.status(), members.text());
    long up = 0;
    for (var member : members.json().get("members")) {
      up += "Up".equals(member.get("status").asText()) ? 1 : 0;
    }
    return up;
  }

  /** The end of every node's log, for a failure report (the whole logs stay in the cluster's folder). */
  String logs() {
    StringBuilder out = new StringBuilder("node logs in " + dir + "\n");
    for (int n = 1; n <= size(); n++) {
      if (node(n) != null) {
        String log = node(n).logText();
        out.append("---- node ").append(n).append(" (last 6000 chars) ----\n")
            .append(log, Math.max(0, log.length() - 6000), log.length()).append('\n');
      }
    }
    return out.toString();
  }

  private void startQuietly(int n) {
    try {
      startNode(n);
    } catch (Exception e) {
      throw new IllegalStateException("node " + n + " did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    for (RuntimeProcess node : nodes) {
      if (node != null) {
        node.close();
      }
    }
  }
}
