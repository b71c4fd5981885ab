package io.twinworks.runtime.alert.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.twinworks.runtime.config.InvalidConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

  @Test
  void theDefaultsComeFromReferenceConf() {
    DeliverySettings settings = DeliverySettings.create(ConfigFactory.load());
    assertEquals(new DeliverySettings(Duration.ofMillis(100), 100, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofSeconds(3)), settings);
  }

  @Test
  void errorsNameTheKey() {
    assertEquals("twinworks.alerts.delivery.batch-size: must be between 1 and 10000, was 0",
        invalid("twinworks.alerts.delivery.batch-size = 0"));
    assertEquals("twinworks.alerts.poll-interval: must be a positive duration, was PT0S",
        invalid("twinworks.alerts.poll-interval = 0s"));
    assertEquals("twinworks.alerts.delivery.max-backoff: must not be less than min-backoff (PT2S), was PT1S",
        invalid("twinworks.alerts.delivery { min-backoff = 2s, max-backoff = 1s }"));
  }

  private static String invalid(String hocon) {
    return assertThrows(InvalidConfigException.class, () -> DeliverySettings.create(
        ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()))).getMessage();
  }
}
