package io.twinworks.connectors.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  private static final List<String> VARS = List.of("group", "node", "device");

  @Test
  void rendersVariables() {
    Template t = Template.parse("default:{group}:{node}", VARS, List.of());
    assertEquals("default:g:n", t.render(Map.of("group", "g", "node", "n")));
  }

  @Test
  void bracketedPartOnlyWhenItsVariablesHaveValues() {
    Template t = Template.parse("{group}:{node}[:{device}]", VARS, List.of("device"));
    assertEquals("g:n:d", t.render(Map.of("group", "g", "node", "n", "device", "d")));
    assertEquals("g:n", t.render(Map.of("group", "g", "node", "n")));
  }

  @Test
  void invalidTemplatesSayWhy() {
    assertEquals("unknown variable {line} (known: group, node, device)", problem("{line}", List.of()));
    assertEquals("{device} may be absent; put it in brackets, e.g. [:{device}]", problem("{node}:{device}",
        List.of("device")));
    assertEquals("'{' at position 0 does not start a {variable}", problem("{no", List.of()));
    assertEquals("'[' without ']'", problem("{node}[:{device}", List.of()));
    assertEquals("unexpected '}' at position 1", problem("a}", List.of()));
  }

  private static String problem(String template, List<String> optional) {
    return assertThrows(IllegalArgumentException.class, () -> Template.parse(template, VARS, optional)).getMessage();
  }
}
