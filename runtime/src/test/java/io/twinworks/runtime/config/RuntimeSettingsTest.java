package io.twinworks.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

  private static RuntimeSettings settings(String overrides) {
    Config config = ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReferenceUnresolved()).resolve();
    return RuntimeSettings.create(config);
  }

  @Test
  void defaultsAreTheLocalOnes() {
    RuntimeSettings s = settings("");
    assertEquals("127.0.0.1", s.http().host());
    assertEquals(8080, s.http().port());
    assertEquals(8558, s.management().port());
    assertTrue(s.usesEmbeddedBroker());
    assertEquals("tcp://127.0.0.1:1883", s.mqttUrl());
    assertTrue(s.dataDir().isAbsolute());
  }

  @Test
  void anExternalUrlTurnsTheEmbeddedBrokerOff() {
    RuntimeSettings s = settings("twinworks.mqtt.url = \"tcp://broker.local:1884\"");
    assertFalse(s.usesEmbeddedBroker());
    assertEquals("tcp://broker.local:1884", s.mqttUrl());
  }

  @Test
  void aBadPortNamesTheKey() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> settings("twinworks.http.port = 70000"));
    assertTrue(e.getMessage().startsWith("twinworks.http.port: "), e.getMessage());
  }

  @Test
  void aWrongTypeNamesTheKey() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> settings("twinworks.ingest.batch-window = soon"));
    assertTrue(e.getMessage().startsWith("twinworks.ingest.batch-window: "), e.getMessage());
  }

  @Test
  void aMalformedMqttUrlNamesTheKey() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> settings("twinworks.mqtt.url = \"localhost 1883\""));
    assertTrue(e.getMessage().startsWith("twinworks.mqtt.url: "), e.getMessage());
  }

  @Test
  void noBrokerAtAllIsRefused() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> settings("twinworks.mqtt.embedded-broker.enabled = false"));
    assertTrue(e.getMessage().contains("embedded broker is disabled"), e.getMessage());
  }
}
