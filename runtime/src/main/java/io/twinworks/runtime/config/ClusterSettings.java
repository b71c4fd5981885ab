package io.twinworks.runtime.config;

import com.typesafe.config.Config;
import io.twinworks.persistence.cassandra.StoreProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How this node finds its cluster, read from {@code twinworks.cluster}.
 *
 * @param seedNodes remote (Artery) addresses {@code host:port} to join with {@link Discovery#SEED_NODES}; empty
 *     otherwise
 * @param podLabelSelector the Kubernetes label selector of the pods that form the cluster
 * @param requiredContactPoints pods that must be found before a new cluster is formed
 */
public record ClusterSettings(
    Discovery discovery, String host, int port, List<String> seedNodes, String podLabelSelector,
    int requiredContactPoints) {

  public static final String DISCOVERY = "twinworks.cluster.discovery";
  public static final String SEED_NODES = "twinworks.cluster.seed-nodes";

  /** How the node joins a cluster. */
  public enum Discovery {
    /** A single node that joins itself. */
    SELF("self"),
    /** Joins the configured seed nodes (local clusters, fixed hosts). */
    SEED_NODES("seed-nodes"),
    /** Pekko Management Cluster Bootstrap over the Kubernetes API. */
    KUBERNETES("kubernetes");

    private final String id;

    Discovery(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static Discovery parse(String value) {
      String wanted = value.trim().toLowerCase(Locale.ROOT);
      for (Discovery d : values()) {
        if (d.id.equals(wanted)) {
          return d;
        }
      }
      throw new InvalidConfigException(DISCOVERY, "must be self, seed-nodes or kubernetes, was '" + value + "'");
    }
  }

  public ClusterSettings {
    seedNodes = List.copyOf(seedNodes);
  }

  public static ClusterSettings create(Config config) {
    ConfigReader read = new ConfigReader(config);
    Discovery discovery = Discovery.parse(read.string(DISCOVERY));
    String host = read.string("twinworks.cluster.host").trim();
    if (host.isEmpty()) {
      throw new InvalidConfigException("twinworks.cluster.host", "must not be empty");
    }
    int port = read.port("twinworks.cluster.port", true);
    List<String> seedNodes = seedNodes(read.string(SEED_NODES));
    String selector = read.string("twinworks.cluster.kubernetes.pod-label-selector").trim();
    int contactPoints = read.intBetween("twinworks.cluster.kubernetes.required-contact-points", 1, 1000);
    switch (discovery) {
      case SEED_NODES -> {
        if (seedNodes.isEmpty()) {
          throw new InvalidConfigException(SEED_NODES, "must list host:port addresses when " + DISCOVERY
              + " = seed-nodes, e.g. 127.0.0.1:25521,127.0.0.1:25522");
        }
        if (port == 0) {
          throw new InvalidConfigException("twinworks.cluster.port",
              "must be a fixed port when " + DISCOVERY + " = seed-nodes (other nodes find this one by it), was 0");
        }
      }
      case KUBERNETES -> {
        if (selector.isEmpty()) {
          throw new InvalidConfigException("twinworks.cluster.kubernetes.pod-label-selector",
              "must not be empty when " + DISCOVERY + " = kubernetes, e.g. app=twinworks");
        }
      }
      case SELF -> { }
    }
    if (discovery != Discovery.SELF && storeProfile(config) != StoreProfile.CASSANDRA) {
      throw new InvalidConfigException(DISCOVERY, "= " + discovery.id() + " needs the shared Cassandra store: set "
          + StoreProfile.KEY + " = cassandra (the embedded store is one node's own)");
    }
    return new ClusterSettings(discovery, host, port, seedNodes, selector, contactPoints);
  }

  private static StoreProfile storeProfile(Config config) {
    try {
      return StoreProfile.from(config);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(StoreProfile.KEY, e.getMessage());
    }
  }

  /** The seed nodes as Pekko addresses of the {@code twinworks} actor system. */
  public List<String> seedNodeAddresses(String systemName) {
    return seedNodes.stream().map(node -> "pekko://" + systemName + "@" + node).toList();
  }

  private static List<String> seedNodes(String value) {
    List<String> nodes = new ArrayList<>();
    for (String part : value.split(",")) {
      String node = part.trim();
      if (node.isEmpty()) {
        continue;
      }
      if (!node.matches("[^\\s:/@]+:\\d{1,5}") || Integer.parseInt(node.substring(node.lastIndexOf(':') + 1)) > 65535) {
        throw new InvalidConfigException(SEED_NODES, "each entry must be host:port, was '" + node + "'");
      }
      nodes.add(node);
    }
    return nodes;
  }
}
