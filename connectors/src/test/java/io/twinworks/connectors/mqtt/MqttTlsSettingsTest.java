package io.twinworks.connectors.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import io.twinworks.testsupport.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttTlsSettingsTest {

  @TempDir
  static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void certificates() {
    pki = TestPki.create(dir.resolve("pki"));
  }

  private static MqttSettings settings(String hocon) {
    return MqttSettings.create(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  private static String tls(String keys) {
    return "twinworks.mqtt { url = \"ssl://127.0.0.1:8883\", tls { " + keys + " } }";
  }

  private static String file(String name) {
    return "\"" + pki.file(name) + "\"";
  }

  private static String error(String hocon) {
    return assertThrows(ConfigException.class, () -> settings(hocon)).getMessage();
  }

  @Test
  void pemTrustStoreAndClientCertificateMakeATlsSocketFactory() {
    MqttSettings s = settings(tls("trust-store = " + file("ca.pem") + ", client-certificate = " + file("client.pem")
        + ", client-key = " + file("client-key.pem") + ", verify-hostname = false"));
    MqttConnectOptions options = s.connectOptions();
    assertInstanceOf(NoDelaySslSocketFactory.class, options.getSocketFactory());
    assertFalse(options.isHttpsHostnameVerificationEnabled());
    assertTrue(s.tls().configured());
  }

  @Test
  void pkcs12KeyStoreWithItsPassword() {
    MqttSettings s = settings(tls("trust-store = " + file("ca.pem") + ", key-store = " + file("client.p12")
        + ", key-store-password = " + TestPki.P12_PASSWORD));
    assertInstanceOf(NoDelaySslSocketFactory.class, s.connectOptions().getSocketFactory());
    assertTrue(s.connectOptions().isHttpsHostnameVerificationEnabled());
  }

  @Test
  void aWrongKeyStorePasswordNamesTheKeyAndHidesThePassword() {
    String message = error(tls("key-store = " + file("client.p12") + ", key-store-password = wrong-one"));
    assertTrue(message.startsWith("twinworks.mqtt.tls.key-store: cannot use " + pki.file("client.p12")), message);
    assertFalse(message.contains("wrong-one"), message);
  }

  @Test
  void aMissingFileNamesTheKey() {
    assertEquals("twinworks.mqtt.tls.trust-store: no such file: /nonexistent/ca.pem",
        error(tls("trust-store = /nonexistent/ca.pem")));
  }

  @Test
  void aFileThatIsNoCertificateNamesTheKey() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n");
    assertTrue(error(tls("trust-store = \"" + junk + "\"")).startsWith("twinworks.mqtt.tls.trust-store: cannot use "));
    assertTrue(error(tls("client-certificate = " + file("client.pem") + ", client-key = " + file("ca.pem")))
        .startsWith("twinworks.mqtt.tls.client-key: cannot use "));
  }

  @Test
  void aClientCertificateNeedsItsKey() {
    assertEquals("twinworks.mqtt.tls.client-key: missing: client-certificate and client-key go together",
        error(tls("client-certificate = " + file("client.pem"))));
  }

  @Test
  void tlsFilesWithATcpUrlAreAnError() {
    String message = error("twinworks.mqtt { url = \"tcp://h:1883\", tls.trust-store = " + file("ca.pem") + " }");
    assertTrue(message.startsWith("twinworks.mqtt.url: is tcp://h:1883 but twinworks.mqtt.tls is set"), message);
  }

  @Test
  void aPasswordWithoutUserIsAnError() {
    assertEquals("twinworks.mqtt.password: is set but username is empty", error("twinworks.mqtt.password = p"));
  }

  @Test
  void printedSettingsShowNoSecret() {
    MqttSettings s = settings(tls("key-store = " + file("client.p12") + ", key-store-password = "
        + TestPki.P12_PASSWORD) + "\ntwinworks.mqtt { username = plant, password = mqtt-secret }");
    assertFalse(s.toString().contains(TestPki.P12_PASSWORD), s.toString());
    assertFalse(s.toString().contains("mqtt-secret"), s.toString());
    assertTrue(s.toString().contains("keyStorePassword=***"), s.toString());
  }

  @Test
  void credentialsAndTlsComeFromTheEnvironment() {
    Map<String, String> env = Map.of("TWINWORKS_MQTT_USERNAME", "acme", "TWINWORKS_MQTT_PASSWORD", "from-env",
        "TWINWORKS_MQTT_URL", "ssl://broker:8883", "TWINWORKS_MQTT_TLS_TRUST_STORE", pki.file("ca.pem").toString(),
        "TWINWORKS_MQTT_TLS_VERIFY_HOSTNAME", "false");
    // The variables as root keys: ${?VAR} finds them there as it would in the environment.
    MqttSettings s = MqttSettings.create(ConfigFactory.parseMap(env)
        .withFallback(ConfigFactory.parseResources("reference.conf").withOnlyPath("twinworks.mqtt"))
        .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false)));
    assertEquals("acme", s.username());
    assertEquals("from-env", new String(s.connectOptions().getPassword()));
    assertEquals(pki.file("ca.pem").toString(), s.tls().trustStore());
    assertFalse(s.tls().verifyHostname());
  }
}
