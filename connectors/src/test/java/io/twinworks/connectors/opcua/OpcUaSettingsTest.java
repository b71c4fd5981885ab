package io.twinworks.connectors.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.Backoff;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;

class OpcUaSettingsTest {

  private static OpcUaSettings settings(String hocon) {
    return OpcUaSettings.create(ConfigFactory.parseString(hocon));
  }

  private static String problem(String hocon) {
    return assertThrows(ConfigException.class, () -> settings(hocon)).getMessage();
  }

  private static String endpointWith(String endpointKeys, String nodeKeys) {
    return "twinworks.connectors.opcua.endpoints = [{ name = plc1, url = \"opc.tcp://plc1:4840\"" + endpointKeys
        + ", nodes = [{ node-id = \"ns=2;s=Line1.Temp\", twin = \"default:line1:cnc01\", signal = temp" + nodeKeys
        + " }] }]";
  }

  @Test
  void noEndpointsByDefaultAndPkiUnderTheDataDir() {
    OpcUaSettings settings = settings("twinworks.data-dir = /var/lib/tw");
    assertTrue(settings.isEmpty());
    assertEquals(Path.of("/var/lib/tw/opcua/pki"), settings.pkiDir());
  }

  @Test
  void entryTakesTheDefaultsItLeavesOut() {
    OpcUaEndpoint endpoint = settings(endpointWith("", "")).endpoints().get(0);
    assertEquals("opcua:plc1", endpoint.origin());
    assertEquals(ServerConnection.insecure("opc.tcp://plc1:4840"), endpoint.connection());
    assertEquals(Duration.ofMillis(100), endpoint.publishingInterval());
    assertEquals(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2), endpoint.reconnect());
    assertEquals(new NodeMapping(NodeId.parse("ns=2;s=Line1.Temp"), TwinId.of("default:line1:cnc01"),
        TwinKind.MACHINE, "temp", NodeMapping.Mode.SUBSCRIBE, Duration.ofMillis(100), 10, Deadband.NONE,
        Duration.ofSeconds(1)), endpoint.nodes().get(0));
  }

  @Test
  void entryOverridesEverything() {
    OpcUaEndpoint endpoint = settings(endpointWith("""
        , security-policy = Basic256Sha256, security-mode = SignAndEncrypt, accept-unknown-server-certificates = true
        , identity { username = twinworks, password = pw }, publishing-interval = 250ms, min-backoff = 100ms
        , max-backoff = 2s""", """
        , kind = sensor, mode = poll, sampling-interval = 0, queue-size = 1, deadband = "percent 2.5"
        , poll-interval = 500ms""")).endpoints().get(0);
    assertEquals(new ServerConnection("opc.tcp://plc1:4840", SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt, Identity.user("twinworks", "pw"), true), endpoint.connection());
    assertEquals(Duration.ofMillis(250), endpoint.publishingInterval());
    assertEquals(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.2), endpoint.reconnect());
    NodeMapping node = endpoint.nodes().get(0);
    assertEquals(TwinKind.SENSOR, node.kind());
    assertEquals(NodeMapping.Mode.POLL, node.mode());
    assertEquals(Duration.ZERO, node.samplingInterval());
    assertEquals(new Deadband(DeadbandType.Percent, 2.5), node.deadband());
    assertEquals(Duration.ofMillis(500), node.pollInterval());
    assertEquals(endpoint.nodes(), endpoint.polled());
    assertTrue(endpoint.subscribed().isEmpty());
  }

  @Test
  void errorsNameTheEntryKeyOrTheDefaultTheValueCameFrom() {
    assertEquals("twinworks.connectors.opcua.endpoints[0].nodes[0].node-id: must be an OPC UA node id such as "
        + "ns=2;s=Line1.Temp or ns=3;i=1001, was 'Line1.Temp'",
        problem(endpointWith("", "").replace("ns=2;s=Line1.Temp", "Line1.Temp")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].nodes[0].twin: twin id 'cnc01' needs a tenant and at least "
        + "one more segment, joined by ':'", problem(endpointWith("", "").replace("default:line1:cnc01", "cnc01")));
    assertEquals("twinworks.connectors.opcua.node-defaults.deadband: deadband must be 'none', 'absolute N' or "
        + "'percent N', was 'small'", problem(endpointWith("", "")
        + "\ntwinworks.connectors.opcua.node-defaults.deadband = small"));
    assertEquals("twinworks.connectors.opcua.endpoints[0].nodes[0].queue-size: must be at least 1, was 0",
        problem(endpointWith("", ", queue-size = 0")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].nodes[0].mode: must be subscribe or poll, was 'push'",
        problem(endpointWith("", ", mode = push")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].security-policy: must be None, Basic256Sha256 or "
        + "Aes128_Sha256_RsaOaep, was 'Basic128Rsa15'", problem(endpointWith(", security-policy = Basic128Rsa15", "")));
    assertEquals("twinworks.connectors.opcua.endpoint-defaults.security-mode: security mode None does not go with "
        + "security policy Basic256Sha256 (policy None needs mode None; Basic256Sha256 and Aes128_Sha256_RsaOaep "
        + "need Sign or SignAndEncrypt)", problem(endpointWith(", security-policy = Basic256Sha256", "")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].url: url must be an opc.tcp:// URL with a host, was "
        + "'http://plc1'", problem(endpointWith("", "").replace("opc.tcp://plc1:4840", "http://plc1")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].identity.username: must not be blank",
        problem(endpointWith(", identity { username = \"\", password = x }", "")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].identity: must be anonymous or { username = .., "
        + "password = .. }", problem(endpointWith(", identity = nobody", "")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].max-backoff: must not be less than min-backoff (PT1S), "
        + "was PT0.5S", problem(endpointWith(", max-backoff = 500ms", "")));
    assertEquals("twinworks.connectors.opcua.endpoints[0].nodes[0].polling: unknown key (expected deadband, kind, "
        + "mode, node-id, poll-interval, queue-size, sampling-interval, signal, twin)",
        problem(endpointWith("", ", polling = true")));
    assertTrue(problem(endpointWith("", "").replace(", signal = temp", ""))
        .startsWith("twinworks.connectors.opcua.endpoints[0].nodes[0].signal: "));
  }

  @Test
  void namesAndNodesMustBeUnique() {
    String one = "{ name = plc1, url = \"opc.tcp://a:4840\" }";
    assertEquals("twinworks.connectors.opcua.endpoints[1].name: 'plc1' is already the name of endpoints[0].name; "
        + "give each endpoint its own name", problem("twinworks.connectors.opcua.endpoints = [" + one + ", " + one + "]"));
    String node = "{ node-id = \"ns=2;i=7\", twin = \"a:b\", signal = s }";
    assertEquals("twinworks.connectors.opcua.endpoints[0].nodes[1].node-id: 'ns=2;i=7' is already mapped by "
        + "endpoints[0].nodes[0].node-id", problem("twinworks.connectors.opcua.endpoints = [{ name = p, url = "
        + "\"opc.tcp://a:4840\", nodes = [" + node + ", " + node + "] }]"));
  }

  @Test
  void deadbandsParse() {
    assertEquals(Deadband.NONE, Deadband.parse(" None "));
    assertEquals(new Deadband(DeadbandType.Absolute, 0.5), Deadband.parse("absolute 0.5"));
    assertThrows(IllegalArgumentException.class, () -> Deadband.parse("percent 150"));
    assertThrows(IllegalArgumentException.class, () -> Deadband.parse("absolute -1"));
  }

  @Test
  void passwordIsNotPrinted() {
    String text = settings(endpointWith(", identity { username = u, password = s3cret }", "")).toString();
    assertFalse(text.contains("s3cret"), text);
  }
}
