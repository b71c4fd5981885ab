package io.twinworks.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.runtime.config.ConfigLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Pekko reads for {@code twinworks.cluster.discovery = kubernetes} (Cluster Bootstrap over the Kubernetes API)
 * and for readiness, from the runtime's configuration with the twinworks keys an operator sets.
 */
class ClusterBootstrapConfigTest {

  private static Config load(String overrides) {
    return ConfigLoader.load(Optional.empty(), ConfigFactory.parseString(overrides));
  }

  @Test
  void bootstrapFindsPodsThroughTheKubernetesApiByTheirLabel() {
    Config config = load("""
        twinworks.cluster.kubernetes { pod-label-selector = "app=plant7-twinworks", required-contact-points = 3 }""");
    assertEquals("kubernetes-api",
        config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
    assertEquals(3,
        config.getInt("pekko.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr"));
    assertEquals("app=plant7-twinworks", config.getString("pekko.discovery.kubernetes-api.pod-label-selector"));
    assertEquals("org.apache.pekko.discovery.kubernetes.KubernetesApiServiceDiscovery",
        config.getString("pekko.discovery.kubernetes-api.class"));
  }

  @Test
  void readyOnlyAsAMemberUp() {
    assertEquals(List.of("Up"), load("").getStringList("pekko.management.cluster.health-check.ready-states"));
  }

  @Test
  void twinsAreNotRememberedAndPassivateWhenIdle() {
    Config config = load("");
    assertEquals(false, config.getBoolean("pekko.cluster.sharding.remember-entities"));
    assertEquals("default-idle-strategy", config.getString("pekko.cluster.sharding.passivation.strategy"));
  }
}
