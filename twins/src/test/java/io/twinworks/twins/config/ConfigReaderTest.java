package io.twinworks.twins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

  private static ConfigReader json(Map<String, Object> map) {
    return ConfigReader.map(map, "twinworks.no-such-section");
  }

  @Test
  void durationsAreIsoOrHocon() {
    ConfigReader reader = json(Map.of("iso", "PT1M30S", "hocon", "90s", "words", "1.5 minutes", "millis", 250));
    assertEquals(Duration.ofSeconds(90), reader.duration("iso"));
    assertEquals(Duration.ofSeconds(90), reader.duration("hocon"));
    assertEquals(Duration.ofSeconds(90), reader.duration("words"));
    assertEquals(Duration.ofMillis(250), reader.duration("millis"), "a bare number is milliseconds, as in HOCON");
  }

  @Test
  void keysAreNamedByTheirPathInsideObjectsAndLists() {
    ConfigReader reader = json(Map.of("outer", Map.of("inner", "x"), "list", List.of(Map.of("a", 1), Map.of("a", "y"))));
    assertMessage("outer.inner must be a number, was \"x\"", reader, r -> r.object("outer").number("inner"));
    assertMessage("list[1].a must be a number, was \"y\"", reader, r -> r.objects("list").get(1).number("a"));
    assertMessage("outer must be a list of objects, was {\"inner\":\"x\"}", reader, r -> r.objects("outer"));
  }

  @Test
  void aJsonNullIsMissingAndSoIsAnAbsentKey() {
    Map<String, Object> body = new HashMap<>();
    body.put("timeout", null);
    assertMessage("timeout is missing", json(body), r -> r.duration("timeout"));
    assertMessage("other is missing", json(body), r -> r.string("other"));
  }

  @Test
  void validatedPutsThePathInFrontOfTheRecordsOwnMessage() {
    ConfigReader section = ConfigReader.section(ConfigFactory.parseString("a.b { n = 3 }"), "a.b");
    assertMessage("a.b.n must be even, was 3", section, r -> r.validated(() -> {
      throw new IllegalArgumentException("n must be even, was " + r.integer("n"));
    }));
    assertMessage("a.b.m is missing", section, r -> r.validated(() -> r.integer("m")));
  }

  private static void assertMessage(String message, ConfigReader reader, Function<ConfigReader, Object> read) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> read.apply(reader)).getMessage());
  }
}
