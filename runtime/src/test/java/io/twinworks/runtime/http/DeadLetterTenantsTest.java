package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.route.TopicRoutes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Over the default routes of connectors' reference.conf. */
class DeadLetterTenantsTest {

  private final DeadLetterTenants tenants =
      new DeadLetterTenants(TopicRoutes.fromConfig(ConfigFactory.defaultReference().resolve()));

  @Test
  void aRoutedTopicBelongsToTheTenantOfTheTwinItRoutesTo() {
    assertEquals(Optional.of("acme"), tenants.tenantOf("tenants/acme/plants/p1/racks/r1/packs/pk7/cells/c3/voltage"));
    assertEquals(Optional.of("default"), tenants.tenantOf("factory/line1/cnc01/telemetry"));
    assertEquals(Optional.of("default"), tenants.tenantOf("sensors/TEMP-01/data"));
    assertEquals(Optional.of("acme"), tenants.tenantOf("edge/gw1/machine/acme:line1:m1"));
  }

  @Test
  void aSparkplugTopicBelongsToItsGroup() {
    assertEquals(Optional.of("plant7"), tenants.tenantOf("spBv1.0/plant7/DDATA/node1/dev1"));
    assertEquals(Optional.empty(), tenants.tenantOf("spBv1.0/STATE/host1"));
    assertEquals(Optional.empty(), tenants.tenantOf("spBv1.0/plant7/NOPE/node1"));
  }

  @Test
  void aTopicWithoutAValidTwinBelongsToNoTenant() {
    assertEquals(Optional.empty(), tenants.tenantOf("unrouted/topic"));
    assertEquals(Optional.empty(), tenants.tenantOf("edge/gw1/machine/no-tenant-segment"));
    assertEquals(Optional.empty(), tenants.tenantOf(""));
  }
}
