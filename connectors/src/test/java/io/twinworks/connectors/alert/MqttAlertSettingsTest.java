package io.twinworks.connectors.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttAlertSettingsTest {

  private static MqttAlertSettings settings(String hocon) {
    return MqttAlertSettings.create(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  private static String problem(String hocon) {
    return assertThrows(ConfigException.class, () -> settings(hocon)).getMessage();
  }

  @Test
  void defaults() {
    assertEquals(new MqttAlertSettings(true, "twinworks/alerts", "", 32, Duration.ofSeconds(10)), settings(""));
  }

  @Test
  void acceptsTheAlertsSectionAlone() {
    assertEquals("plant/alerts", MqttAlertSettings.create(
        ConfigFactory.parseString("mqtt.topic-prefix = plant/alerts")).topicPrefix());
  }

  @Test
  void topicIsPrefixTenantAndTwinId() {
    assertEquals("twinworks/alerts/acme/acme:p1:r1:pk7", settings("").topicFor(Alerts.complete()));
    assertEquals("site7/alerts/default/default:line1:cnc01", settings("twinworks.alerts.mqtt.topic-prefix = site7/alerts")
        .topicFor(Alerts.fresh("default:line1:cnc01", Severity.INFO)));
  }

  @Test
  void clientIdIsDerivedFromTheIngestClientIdUnlessSet() {
    MqttSettings ingest = MqttSettings.create(ConfigFactory.load()).withClientId("twinworks-node-2");
    assertEquals("twinworks-node-2-alerts", settings("").clientIdFor(ingest));
    assertEquals("alerts-a", settings("twinworks.alerts.mqtt.client-id = alerts-a").clientIdFor(ingest));
  }

  @Test
  void invalidValuesNameTheKey() {
    assertEquals("twinworks.alerts.mqtt.topic-prefix: must not contain the wildcards + or #, was 'alerts/#'",
        problem("twinworks.alerts.mqtt.topic-prefix = \"alerts/#\""));
    assertEquals("twinworks.alerts.mqtt.topic-prefix: must not have empty levels (a leading, trailing or double /), "
        + "was 'alerts/'", problem("twinworks.alerts.mqtt.topic-prefix = \"alerts/\""));
    assertEquals("twinworks.alerts.mqtt.topic-prefix: must not start with $ (reserved for the broker), was '$SYS/a'",
        problem("twinworks.alerts.mqtt.topic-prefix = \"$SYS/a\""));
    assertEquals("twinworks.alerts.mqtt.max-in-flight: must be between 1 and 65535, was 0",
        problem("twinworks.alerts.mqtt.max-in-flight = 0"));
    assertEquals("twinworks.alerts.mqtt.publish-timeout: must be positive, was PT0S",
        problem("twinworks.alerts.mqtt.publish-timeout = 0s"));
    assertEquals("twinworks.alerts.mqtt.client-id: must be empty (derived from twinworks.mqtt.client-id) or a name, "
        + "was blank", problem("twinworks.alerts.mqtt.client-id = \"  \""));
    assertEquals(true, problem("twinworks.alerts.mqtt.enabled = maybe").startsWith("twinworks.alerts.mqtt.enabled: "));
  }
}
