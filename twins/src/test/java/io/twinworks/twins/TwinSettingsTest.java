package io.twinworks.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwinSettingsTest {

  private static TwinSettings with(String overrides) {
    return TwinSettings.create(ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve());
  }

  @Test
  void referenceConfHasTheDefaults() {
    TwinSettings defaults = with("");
    assertEquals(List.of(100, Duration.ofMinutes(2), Duration.ofMillis(200), Duration.ofSeconds(5), 0.2),
        List.of(defaults.snapshotEvery(), defaults.idleTimeout(), defaults.minBackoff(), defaults.maxBackoff(),
            defaults.randomFactor()));
    assertEquals(Duration.ofSeconds(30), defaults.analytics().heartbeat().defaultTimeout());
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertMessageNames("twinworks.twins.snapshot-every", "twinworks.twins.snapshot-every = 0");
    assertMessageNames("twinworks.twins.idle-timeout", "twinworks.twins.idle-timeout = 0s");
    assertMessageNames("twinworks.twins.max-backoff", "twinworks.twins.max-backoff = 100ms");
    assertMessageNames("twinworks.twins.random-factor", "twinworks.twins.random-factor = 1.5");
    assertMessageNames("twinworks.twins.min-backoff", "twinworks.twins.min-backoff = soon");
  }

  private static void assertMessageNames(String key, String overrides) {
    ConfigException e = assertThrows(ConfigException.class, () -> with(overrides));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }
}
