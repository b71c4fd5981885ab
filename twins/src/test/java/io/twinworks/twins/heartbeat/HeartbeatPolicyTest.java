package io.twinworks.twins.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatPolicyTest {

  private static final HeartbeatPolicy POLICY = HeartbeatPolicy.fromConfig(ConfigFactory.parseString("""
      twinworks.heartbeat {
        default-timeout = 30s
        rules = [
          { twin = "acme:p1:*", kind = battery-pack, timeout = 5s }
          { twin = "acme:p1:*", timeout = 2m }
          { kind = battery-pack, timeout = 10s }
        ]
      }
      """));

  @Test
  void theDefaultIsThirtySeconds() {
    assertEquals(Duration.ofSeconds(30), HeartbeatPolicy.fromConfig(ConfigFactory.load()).defaultTimeout());
    assertEquals(List.of(), HeartbeatPolicy.fromConfig(ConfigFactory.load()).rules());
    assertEquals(Duration.ofSeconds(30), POLICY.timeoutFor("machine", "default:line1:cnc01", Optional.empty()));
  }

  @Test
  void theFirstMatchingRuleWins() {
    assertEquals(Duration.ofSeconds(5), POLICY.timeoutFor("battery-pack", "acme:p1:r1:pk7", Optional.empty()),
        "kind and twin of rule 0 both match; '*' spans segments");
    assertEquals(Duration.ofMinutes(2), POLICY.timeoutFor("machine", "acme:p1:line1:cnc01", Optional.empty()));
    assertEquals(Duration.ofSeconds(10), POLICY.timeoutFor("battery-pack", "acme:p2:r1:pk1", Optional.empty()));
  }

  @Test
  void aTwinsOwnTimeoutWinsOverAll() {
    assertEquals(Duration.ofSeconds(3),
        POLICY.timeoutFor("battery-pack", "acme:p1:r1:pk7", Optional.of(Duration.ofSeconds(3))));
    assertThrows(IllegalArgumentException.class,
        () -> POLICY.timeoutFor("machine", "acme:p1:m", Optional.of(Duration.ZERO)));
  }

  @Test
  void aMapReadsLikeHocon() {
    HeartbeatPolicy policy = HeartbeatPolicy.fromMap(Map.of("rules",
        List.of(Map.of("twin", "default:line?:*", "timeout", "PT1M"))));
    assertEquals(Duration.ofSeconds(30), policy.defaultTimeout(), "left out: the default");
    assertEquals(Duration.ofMinutes(1), policy.timeoutFor("machine", "default:line1:cnc01", Optional.empty()));
    assertEquals(Duration.ofSeconds(30), policy.timeoutFor("machine", "default:line10:cnc01", Optional.empty()),
        "'?' is one character");
  }

  @Test
  void badRulesNameTheirKey() {
    assertMessage("rules[1].kind must be sensor, machine or battery-pack, was 'robot'",
        Map.of("rules", List.of(Map.of("kind", "sensor", "timeout", "1s"), Map.of("kind", "robot", "timeout", "1s"))));
    assertMessage("rules[0].timeout must be positive, was PT0S",
        Map.of("rules", List.of(Map.of("kind", "sensor", "timeout", "0s"))));
    assertMessage("rules[0].kind is missing, and so is twin: a rule needs one or both",
        Map.of("rules", List.of(Map.of("timeout", "1s"))));
    assertMessage("rules[0].twin must be a pattern of letters, digits, '.', '_', '-', ':', '*' and '?', was 'acme/p1'",
        Map.of("rules", List.of(Map.of("twin", "acme/p1", "timeout", "1s"))));
    assertMessage("rules[0].timeout is missing", Map.of("rules", List.of(Map.of("kind", "sensor"))));
    assertMessage("default-timeout must be positive, was PT0S", Map.of("default-timeout", "PT0S"));
  }

  @Test
  void hoconErrorsCarryTheFullPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeartbeatPolicy.fromConfig(
        ConfigFactory.parseString("twinworks.heartbeat.rules = [ { kind = machine, timeout = soon } ]")));
    assertEquals("twinworks.heartbeat.rules[0].timeout must be a duration such as 30s or PT30S, was \"soon\"",
        e.getMessage());
  }

  private static void assertMessage(String message, Map<String, Object> map) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> HeartbeatPolicy.fromMap(map)).getMessage());
  }
}
