package io.twinworks.connectors.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteConfigTest {

  private static final String SPARKPLUG_SHAPED = """
      twinworks.mqtt.routes = [{
        name = sparkplug-like, topic = "spBv1.0/{group}/{type}/{node}[/{device}]", kind = machine
        twin-id = "{group}:{node}[:{device}]", signal = "{type}.{signal}", payload = value-json
      }]""";

  private static TopicRoutes routes(String hocon) {
    return TopicRoutes.fromConfig(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  private static String problem(String hocon) {
    return assertThrows(ConfigException.class, () -> routes(hocon)).getMessage();
  }

  @Test
  void defaultRoutesAreDesignsTable() {
    TopicRoutes routes = TopicRoutes.fromConfig(ConfigFactory.load());
    assertEquals(List.of("battery-cells", "machine-telemetry", "sensor-data", "edge-machines", "edge-sensors",
            "edge-battery-packs"),
        routes.routes().stream().map(TopicRoute::name).toList());
    assertEquals(List.of("tenants/+/plants/+/racks/+/packs/+/cells/+/+", "factory/+/+/telemetry", "sensors/+/data",
            "edge/+/machine/+", "edge/+/sensor/+", "edge/+/battery-pack/+"),
        routes.subscriptions());
    assertEquals(262_144, routes.maxPayloadBytes());
  }

  @Test
  void acceptsTheMqttSectionAlone() {
    Config section = ConfigFactory.load().getConfig("twinworks.mqtt");
    assertEquals(6, TopicRoutes.fromConfig(section).routes().size());
  }

  @Test
  void sparkplugShapedRouteDecodesWithAndWithoutDevice() {
    TopicRoutes routes = routes(SPARKPLUG_SHAPED);
    assertEquals(List.of("spBv1.0/+/+/+", "spBv1.0/+/+/+/+"), routes.subscriptions());
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    Reading node = accepted(routes.decode("spBv1.0/plant1/NDATA/edge7", bytes("5"), now));
    assertEquals("plant1:edge7", node.twinId().value());
    assertEquals("NDATA.value", node.signal());
    assertEquals(TwinKind.MACHINE, node.kind());
    Reading device = accepted(routes.decode("spBv1.0/plant1/DDATA/edge7/press3", bytes("6"), now));
    assertEquals("plant1:edge7:press3", device.twinId().value());
  }

  @Test
  void unknownKindNamesTheRoute() {
    assertEquals("twinworks.mqtt.routes[0].kind: unknown kind 'foo' (expected sensor, machine or battery-pack)",
        problem("twinworks.mqtt.routes = [{name=a, topic=\"a/{x}\", kind=foo, twin-id=\"t:{x}\", payload=value-json}]"));
  }

  @Test
  void invalidRoutesNameTheKey() {
    String valid = "name=a, topic=\"a/{x}\", kind=sensor, twin-id=\"t:{x}\", payload=value-json";
    assertEquals("twinworks.mqtt.routes[1].twin-id: unknown variable {y} (known: x)",
        problem("twinworks.mqtt.routes = [{" + valid + "}, {name=b, topic=\"b/{x}\", kind=sensor, twin-id=\"t:{y}\","
            + " payload=value-json}]"));
    assertEquals("twinworks.mqtt.routes[0].payload: unknown payload 'xml' (expected edge-json, machine-json, sensor-json, "
        + "value-json)", problem("twinworks.mqtt.routes = [{" + valid.replace("value-json", "xml") + "}]"));
    assertEquals("twinworks.mqtt.routes[0].topic: missing",
        problem("twinworks.mqtt.routes = [{name=a, kind=sensor, twin-id=\"t:x\", payload=value-json}]"));
    assertEquals("twinworks.mqtt.routes[0].twin_id: unknown key (expected kind, name, payload, signal, tenant, topic, twin-id)",
        problem("twinworks.mqtt.routes = [{" + valid + ", twin_id=x}]"));
    assertEquals("twinworks.mqtt.routes[1].name: route name 'a' is used twice",
        problem("twinworks.mqtt.routes = [{" + valid + "}, {" + valid + "}]"));
    assertEquals("twinworks.mqtt.routes: is empty; at least one route is needed", problem("twinworks.mqtt.routes = []"));
  }

  @Test
  void invalidLimitsNameTheKey() {
    assertEquals("twinworks.mqtt.max-payload-bytes: must be positive, was 0",
        problem("twinworks.mqtt.max-payload-bytes = 0"));
    assertEquals("twinworks.mqtt.max-future-skew: ",
        problem("twinworks.mqtt.max-future-skew = soon").substring(0, 32));
  }

  private static Reading accepted(Decoded decoded) {
    return assertInstanceOf(Decoded.Accepted.class, decoded, decoded::toString).readings().get(0);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
