package io.twinworks.connectors.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A message may write only to twins of the tenant its topic namespace (and its route) belongs to. */
class TenantScopeTest {

  /** Routes a careless or hostile configuration could have, beside the default battery-cells route. */
  private static final TopicRoutes ROUTES = TopicRoutes.fromConfig(ConfigFactory.parseString("""
      twinworks.mqtt.routes = [
        { name = battery-cells,
          topic = "tenants/{tenant}/plants/{plant}/racks/{rack}/packs/{pack}/cells/{cell}/{metric}", kind = battery-pack, twin-id = "{tenant}:{plant}:{rack}:{pack}", signal = "cell.{cell}.{metric}",
          payload = value-json }
        { name = tenant-sensors-to-default, topic = "tenants/{tenant}/sensors/{sensor}", kind = sensor,
          twin-id = "default:{sensor}", payload = value-json }
        { name = acme-devices, topic = "tenants/{tenant}/devices/{device}", tenant = acme, kind = sensor,
          twin-id = "{tenant}:{device}", payload = value-json }
        { name = acme-edge, topic = "edge/{gateway}/sensor/{twin}", tenant = acme, kind = sensor, twin-id = "{twin}",
          payload = edge-json }
      ]
      """).withFallback(ConfigFactory.load()));

  private static Decoded decode(String topic, String payload) {
    return ROUTES.decode(topic, payload.getBytes(StandardCharsets.UTF_8), Decoding.RECEIVED);
  }

  private static String reject(String topic, String payload) {
    Decoded decoded = decode(topic, payload);
    return assertInstanceOf(Decoded.Rejected.class, decoded, decoded::toString).reason();
  }

  private static String twinOf(String topic, String payload) {
    Decoded decoded = decode(topic, payload);
    return assertInstanceOf(Decoded.Accepted.class, decoded, decoded::toString).readings().get(0).twinId().value();
  }

  @Test
  void aTopicInATenantsNamespaceWritesThatTenantsTwins() {
    assertEquals("acme:p1:r1:pk1", twinOf("tenants/acme/plants/p1/racks/r1/packs/pk1/cells/1/voltage", "3.7"));
    assertEquals("acme:d1", twinOf("tenants/acme/devices/d1", "1"));
  }

  @Test
  void aRouteThatMapsATenantsTopicToAnotherTenantsTwinIsRefused() {
    assertEquals("topic 'tenants/acme/sensors/s1' is in the namespace of tenant 'acme' but gives twin 'default:s1' "
        + "of tenant 'default'", reject("tenants/acme/sensors/s1", "1"));
  }

  @Test
  void aRouteForOneTenantRefusesAnotherTenantsNamespace() {
    assertEquals("route 'acme-devices' is for tenant 'acme' but topic 'tenants/beta/devices/d1' is in the namespace "
        + "of tenant 'beta'", reject("tenants/beta/devices/d1", "1"));
  }

  @Test
  void aRouteForOneTenantRefusesTwinIdsOfAnotherTenantOutsideANamespace() {
    String edge = "{\"origin\":\"modbus:p1\",\"seq\":1,\"readings\":[{\"signal\":\"t\",\"value\":1}]}";
    assertEquals("acme:s1", twinOf("edge/gw1/sensor/acme:s1", edge));
    assertEquals("route 'acme-edge' is for tenant 'acme' but topic 'edge/gw1/sensor/beta:s1' gives twin 'beta:s1' of "
        + "tenant 'beta'", reject("edge/gw1/sensor/beta:s1", edge));
  }

  @Test
  void controlCharactersInATopicAreNotCopiedIntoTheReason() {
    assertEquals("topic 'tenants/ac?me/sensors/s1' is in the namespace of tenant 'ac?me' but gives twin 'default:s1' "
        + "of tenant 'default'", reject("tenants/ac\u001bme/sensors/s1", "1"));
  }

  @Test
  void aRoutesTenantMustBeATenantId() {
    ConfigException e = assertThrows(ConfigException.class, () -> TopicRoutes.fromConfig(ConfigFactory.parseString("""
        twinworks.mqtt.routes = [{ name = r, topic = "a/{x}", tenant = "ac:me", kind = sensor, twin-id = "{x}",
          payload = value-json }]""").withFallback(ConfigFactory.load())));
    assertEquals("twinworks.mqtt.routes[0].tenant: 'ac:me' is not a tenant id (letters, digits, '.', '_', '-')",
        e.getMessage());
  }
}
