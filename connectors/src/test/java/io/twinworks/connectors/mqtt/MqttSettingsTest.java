package io.twinworks.connectors.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.Secret;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {

  private static MqttSettings settings(String hocon) {
    return MqttSettings.create(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  @Test
  void defaults() {
    MqttSettings s = MqttSettings.create(ConfigFactory.load());
    assertEquals(new MqttSettings("", "twinworks-ingest", "", Secret.NONE, 256, Duration.ofSeconds(1),
        Duration.ofSeconds(30), 0.2, -1, Duration.ofMinutes(10), "", MqttTls.DEFAULT), s);
    assertFalse(s.shared());
    assertEquals("sensors/+/data", s.ingestFilter("sensors/+/data"));
  }

  @Test
  void aSharedGroupPrefixesEveryIngestFilter() {
    MqttSettings s = settings("twinworks.mqtt.shared-group = twinworks");
    assertTrue(s.shared());
    assertEquals("$share/twinworks/sensors/+/data", s.ingestFilter("sensors/+/data"));
    assertEquals("$share/twinworks/factory/#", s.ingestFilter("factory/#"));
    assertEquals("twinworks", s.withUrl("tcp://h:1").withClientId("node-2").sharedGroup());
  }

  @Test
  void aSharedGroupOfSeveralLevelsNamesTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> settings("twinworks.mqtt.shared-group = \"a/b\""));
    assertTrue(e.getMessage().contains("twinworks.mqtt.shared-group: must be one topic level"), e.getMessage());
  }

  @Test
  void urlIsRequiredOnlyToConnect() {
    MqttSettings s = MqttSettings.create(ConfigFactory.empty());
    assertTrue(assertThrows(IllegalStateException.class, s::connectOptions).getMessage()
        .startsWith("twinworks.mqtt.url is empty"));
    assertEquals("tcp://127.0.0.1:1883", s.withUrl("tcp://127.0.0.1:1883").url());
    assertFalse(s.withUrl("tcp://127.0.0.1:1883").connectOptions().isCleanSession());
  }

  @Test
  void connectionUsesPersistentSessionWithoutPahoReconnect() {
    MqttSettings s = settings("twinworks.mqtt { url = \"tcp://h:1\", username = u, password = p }");
    MqttConnectOptions c = s.connectOptions();
    assertFalse(c.isCleanSession());
    assertFalse(c.isAutomaticReconnect());
    assertEquals("twinworks-ingest", s.clientId());
    assertEquals("u", c.getUserName());
    assertEquals("p", new String(c.getPassword()));
    assertInstanceOf(NoDelaySocketFactory.class, c.getSocketFactory());
  }

  @Test
  void sslUrlWithoutTrustStoreUsesTheJvmsTrustWithNagleOff() throws Exception {
    MqttConnectOptions c = settings("twinworks.mqtt.url = \"ssl://h:8883\"").connectOptions();
    assertInstanceOf(NoDelaySslSocketFactory.class, c.getSocketFactory());
    assertTrue(c.isHttpsHostnameVerificationEnabled());
    try (Socket socket = c.getSocketFactory().createSocket()) {
      assertTrue(socket.getTcpNoDelay());
    }
  }

  @Test
  void noDelaySocketsHaveNagleOff() throws Exception {
    try (Socket socket = new NoDelaySocketFactory().createSocket()) {
      assertTrue(socket.getTcpNoDelay());
    }
  }

  @Test
  void noDelaySocketsReadThroughOneBufferedStream() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new NoDelaySocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket peer = server.accept()) {
      peer.getOutputStream().write(new byte[] {0x30, 0x02, 'h', 'i'});
      InputStream in = socket.getInputStream();
      assertInstanceOf(BufferedInputStream.class, in);
      assertSame(in, socket.getInputStream());
      assertEquals(0x30, in.read());
      assertArrayEquals(new byte[] {0x02, 'h', 'i'}, new DataInputStream(in).readNBytes(3));
      assertTrue(socket.getTcpNoDelay());
    }
  }

  @Test
  void passwordIsNotPrinted() {
    MqttSettings s = settings("twinworks.mqtt { username = u, password = secret }");
    assertFalse(s.toString().contains("secret"), s.toString());
    assertTrue(s.toString().contains("password=***"), s.toString());
  }

  @Test
  void maxRestartsMinusOneMeansForever() {
    assertEquals(Integer.MAX_VALUE, settings("").restartSettings().maxRestarts());
    assertEquals(5, settings("twinworks.mqtt.max-restarts = 5").restartSettings().maxRestarts());
  }

  @Test
  void invalidValuesNameTheKey() {
    assertEquals("twinworks.mqtt.buffer-size: must be positive, was 0",
        assertThrows(ConfigException.class, () -> settings("twinworks.mqtt.buffer-size = 0")).getMessage());
    assertEquals("twinworks.mqtt.max-backoff: must not be less than min-backoff (PT5S), was PT1S",
        assertThrows(ConfigException.class, () -> settings("twinworks.mqtt { min-backoff = 5s, max-backoff = 1s }"))
            .getMessage());
    assertTrue(assertThrows(ConfigException.class, () -> settings("twinworks.mqtt.min-backoff = fast")).getMessage()
        .startsWith("twinworks.mqtt.min-backoff: "));
  }
}
