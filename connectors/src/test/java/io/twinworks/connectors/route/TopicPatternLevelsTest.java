package io.twinworks.connectors.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Topic levels at the edges: empty levels, trailing slashes, literal prefixes; as a split on '/' gave them. */
class TopicPatternLevelsTest {

  private static final TopicPattern MACHINE = TopicPattern.parse("factory/{line}/{machine}/telemetry");
  private static final TopicPattern SPARKPLUG = TopicPattern.parse("spBv1.0/{group}/{type}/{node}[/{device}]");
  private static final TopicPattern LITERAL = TopicPattern.parse("plant/status");

  @Test
  void anEmptyLevelIsAnEmptyValue() {
    assertEquals(Optional.of(Map.of("line", "", "machine", "m1")), MACHINE.match("factory//m1/telemetry"));
    assertEquals(Optional.of(Map.of("group", "g", "type", "DDATA", "node", "n1", "device", "")),
        SPARKPLUG.match("spBv1.0/g/DDATA/n1/"));
  }

  @Test
  void aTrailingSlashIsOneLevelMore() {
    assertEquals(Optional.empty(), MACHINE.match("factory/l1/m1/telemetry/"));
    assertEquals(Optional.empty(), SPARKPLUG.match("spBv1.0/g/DDATA/n1/d1/"));
  }

  @Test
  void literalsMatchWholeLevelsOnly() {
    assertEquals(Optional.empty(), MACHINE.match("factoryX/l1/m1/telemetry"));
    assertEquals(Optional.empty(), MACHINE.match("factor/l1/m1/telemetry"));
    assertEquals(Optional.empty(), MACHINE.match("factory/l1/m1/telemetr"));
    assertEquals(Optional.empty(), MACHINE.match("factory"));
    assertEquals(Optional.empty(), MACHINE.match(""));
  }

  @Test
  void aPatternWithoutVariables() {
    assertEquals(Optional.of(Map.of()), LITERAL.match("plant/status"));
    assertEquals(Optional.empty(), LITERAL.match("plant/status/x"));
    assertEquals(Optional.empty(), LITERAL.match("plant/statuses"));
    assertEquals(Optional.empty(), LITERAL.match("plant"));
  }
}
