package io.twinworks.persistence.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

  @Test
  void retentionDefaultsToThirtyDays() {
    AlertSettings settings = AlertSettings.create(ConfigFactory.load());
    assertEquals(Duration.ofDays(30), settings.retention());
    assertEquals(2_592_000, settings.retentionSeconds(), "30 d x 86,400 s");
  }

  @Test
  void retentionIsReadAsADuration() {
    AlertSettings settings = AlertSettings.create(ConfigFactory.parseString("twinworks.alerts.retention = 36h"));
    assertEquals(Duration.ofHours(36), settings.retention());
    assertEquals(129_600, settings.retentionSeconds(), "36 h x 3,600 s");
  }

  @Test
  void badRetentionsNameTheKey() {
    for (String bad : new String[] {"twinworks.alerts.retention = 30", "twinworks.alerts.retention = forever",
        "twinworks.alerts.retention = 7301d", "twinworks.alerts.retention = 0s", "twinworks.alerts {}"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AlertSettings.create(ConfigFactory.parseString(bad)), bad);
      assertTrue(e.getMessage().contains("twinworks.alerts.retention"), e.getMessage());
    }
  }
}
