package io.twinworks.connectors.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicPatternTest {

  private static final TopicPattern MACHINE = TopicPattern.parse("factory/{line}/{machine}/telemetry");
  private static final TopicPattern SPARKPLUG = TopicPattern.parse("spBv1.0/{group}/{type}/{node}[/{device}]");

  @Test
  void variablesMatchOneLevelEach() {
    assertEquals(Optional.of(Map.of("line", "l1", "machine", "m1")), MACHINE.match("factory/l1/m1/telemetry"));
    assertEquals(Optional.empty(), MACHINE.match("factory/l1/m1/status"));
    assertEquals(Optional.empty(), MACHINE.match("factory/l1/x/m1/telemetry"));
    assertEquals(Optional.empty(), MACHINE.match("factory/l1/telemetry"));
  }

  @Test
  void optionalLastLevelMatchesWithAndWithoutIt() {
    assertEquals(Optional.of(Map.of("group", "g", "type", "NDATA", "node", "n1")), SPARKPLUG.match("spBv1.0/g/NDATA/n1"));
    assertEquals(Optional.of(Map.of("group", "g", "type", "DDATA", "node", "n1", "device", "d1")),
        SPARKPLUG.match("spBv1.0/g/DDATA/n1/d1"));
    assertEquals(Optional.empty(), SPARKPLUG.match("spBv1.0/g/DDATA/n1/d1/x"));
    assertEquals(Optional.empty(), SPARKPLUG.match("spBv1.0/g/DDATA"));
  }

  @Test
  void subscriptionsReplaceVariablesWithPlus() {
    assertEquals(List.of("factory/+/+/telemetry"), MACHINE.subscriptions());
    assertEquals(List.of("spBv1.0/+/+/+", "spBv1.0/+/+/+/+"), SPARKPLUG.subscriptions());
  }

  @Test
  void variablesInOrder() {
    assertEquals(List.of("group", "type", "node", "device"), SPARKPLUG.variables());
    assertEquals(Optional.of("device"), SPARKPLUG.optionalVariable());
  }

  @Test
  void invalidPatternsSayWhy() {
    assertEquals("MQTT wildcards are not allowed; write a variable level such as {line}", problem("factory/+/x"));
    assertEquals("level 'a{b}' must be a literal or exactly one {variable}", problem("x/a{b}"));
    assertEquals("variable {a} appears twice", problem("{a}/{a}"));
    assertEquals("'[...]' is only allowed around the last level, as [/{name}]", problem("a[/{b}]/c"));
    assertEquals("{signal} is reserved for the signal name a payload gives", problem("a/{signal}"));
    assertEquals("topic pattern is empty", problem(""));
  }

  private static String problem(String pattern) {
    return assertThrows(IllegalArgumentException.class, () -> TopicPattern.parse(pattern)).getMessage();
  }
}
