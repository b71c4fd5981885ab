package io.twinworks.connectors.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SparkplugSettingsTest {

  @Test
  void defaultsAreOnAsMachinesAskingEveryFiveSeconds() {
    assertEquals(new SparkplugSettings(true, TwinKind.MACHINE, Duration.ofSeconds(5), 10_000, Duration.ofDays(1),
        262_144),
        SparkplugSettings.create(ConfigFactory.load()));
  }

  @Test
  void anUnknownKindNamesTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> SparkplugSettings.create(
        ConfigFactory.parseString("twinworks.mqtt.sparkplug.kind = robot").withFallback(ConfigFactory.load())));
    assertTrue(e.getMessage().startsWith("twinworks.mqtt.sparkplug.kind: unknown kind 'robot'"), e.getMessage());
  }
}
