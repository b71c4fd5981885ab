package io.twinworks.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.runtime.config.ClusterSettings.Discovery;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static final String CASSANDRA = "twinworks.store.profile = cassandra\n";

  private static ClusterSettings settings(String overrides) {
    return ClusterSettings.create(ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReferenceUnresolved()).resolve());
  }

  private static String failure(String overrides) {
    return assertThrows(InvalidConfigException.class, () -> settings(overrides)).getMessage();
  }

  @Test
  void aSingleNodeJoinsItselfByDefault() {
    ClusterSettings s = settings("");
    assertEquals(Discovery.SELF, s.discovery());
    assertEquals(List.of(), s.seedNodes());
    assertEquals("app=twinworks", s.podLabelSelector());
    assertEquals(2, s.requiredContactPoints());
  }

  @Test
  void seedNodesAreListedAsPekkoAddresses() {
    ClusterSettings s = settings(CASSANDRA + """
        twinworks.cluster { discovery = seed-nodes, port = 25522
          seed-nodes = " 127.0.0.1:25521, 127.0.0.1:25522,,127.0.0.1:25523 " }""");
    assertEquals(Discovery.SEED_NODES, s.discovery());
    assertEquals(List.of("127.0.0.1:25521", "127.0.0.1:25522", "127.0.0.1:25523"), s.seedNodes());
    assertEquals(List.of("pekko://twinworks@127.0.0.1:25521", "pekko://twinworks@127.0.0.1:25522",
        "pekko://twinworks@127.0.0.1:25523"), s.seedNodeAddresses("twinworks"));
  }

  @Test
  void anUnknownDiscoveryNamesTheKey() {
    String message = failure("twinworks.cluster.discovery = dns");
    assertTrue(message.startsWith("twinworks.cluster.discovery: must be self, seed-nodes or kubernetes"), message);
  }

  @Test
  void seedNodesWithoutAddressesNameTheKey() {
    String message = failure(CASSANDRA + "twinworks.cluster { discovery = seed-nodes, port = 25521 }");
    assertTrue(message.startsWith("twinworks.cluster.seed-nodes: must list host:port"), message);
  }

  @Test
  void aSeedNodeWithoutPortNamesTheKeyAndTheEntry() {
    String message = failure(CASSANDRA
        + "twinworks.cluster { discovery = seed-nodes, port = 25521, seed-nodes = \"127.0.0.1:25521,node2\" }");
    assertTrue(message.startsWith("twinworks.cluster.seed-nodes: each entry must be host:port, was 'node2'"), message);
  }

  @Test
  void seedNodesNeedAFixedPortOfTheirOwn() {
    String message = failure(CASSANDRA + "twinworks.cluster { discovery = seed-nodes, seed-nodes = \"h:25521\" }");
    assertTrue(message.startsWith("twinworks.cluster.port: must be a fixed port"), message);
  }

  @Test
  void aClusterNeedsTheCassandraStoreAndSaysWhichKeys() {
    String message = failure("twinworks.cluster { discovery = kubernetes }");
    assertTrue(message.startsWith("twinworks.cluster.discovery: = kubernetes needs the shared Cassandra store"),
        message);
    assertTrue(message.contains("twinworks.store.profile = cassandra"), message);
  }

  @Test
  void kubernetesNeedsAPodSelector() {
    String message = failure(CASSANDRA
        + "twinworks.cluster { discovery = kubernetes, kubernetes.pod-label-selector = \" \" }");
    assertTrue(message.startsWith("twinworks.cluster.kubernetes.pod-label-selector: must not be empty"), message);
  }

  @Test
  void requiredContactPointsAreBounded() {
    String message = failure("twinworks.cluster.kubernetes.required-contact-points = 0");
    assertTrue(message.startsWith("twinworks.cluster.kubernetes.required-contact-points: must be between 1"),
        message);
  }
}
