package io.twinworks.connectors.route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic with one {@code {variable}} per variable level, e.g. {@code factory/{line}/{machine}/telemetry}, and
 * optionally one last level that may be absent, written {@code [/{device}]}.
 */
public final class TopicPattern {

  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern VARIABLE = Pattern.compile("\\{(" + NAME.pattern() + ")}");
  private static final Pattern OPTIONAL_LAST = Pattern.compile("\\[/\\{(" + NAME.pattern() + ")}]$");

  private final String text;
  /** Per level: the literal, or null where the level is a variable. */
  private final List<String> literals;
  private final List<String> variables;
  private final String optionalVariable;

  private TopicPattern(String text, List<String> literals, List<String> variables, String optionalVariable) {
    this.text = text;
    this.literals = literals;
    this.variables = variables;
    this.optionalVariable = optionalVariable;
  }

  /** Parses a pattern; throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static TopicPattern parse(String text) {
    String body = text;
    String optional = null;
    Matcher last = OPTIONAL_LAST.matcher(text);
    if (last.find()) {
      optional = last.group(1);
      body = text.substring(0, last.start());
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("topic pattern is empty");
    }
    if (body.contains("[") || body.contains("]")) {
      throw new IllegalArgumentException("'[...]' is only allowed around the last level, as [/{name}]");
    }
    if (body.contains("+") || body.contains("#")) {
      throw new IllegalArgumentException("MQTT wildcards are not allowed; write a variable level such as {line}");
    }
    List<String> literals = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    for (String level : body.split("/", -1)) {
      Matcher variable = VARIABLE.matcher(level);
      if (variable.matches()) {
        addVariable(variables, variable.group(1));
        literals.add(null);
      } else if (level.contains("{") || level.contains("}")) {
        throw new IllegalArgumentException("level '" + level + "' must be a literal or exactly one {variable}");
      } else {
        literals.add(level);
      }
    }
    if (optional != null) {
      addVariable(variables, optional);
    }
    return new TopicPattern(text, Collections.unmodifiableList(literals), List.copyOf(variables), optional);
  }

  /** Variable names in level order, the optional one last. */
  public List<String> variables() {
    return variables;
  }

  /** The variable of the optional last level, if the pattern has one. */
  public Optional<String> optionalVariable() {
    return Optional.ofNullable(optionalVariable);
  }

  /**
   * The variables' values if {@code topic} matches; a missing optional level is absent from the map. Walks the
   * topic once (no split or regex per message): this runs for every message and every route tried.
   */
  public Optional<Map<String, String>> match(String topic) {
    Map<String, String> values = null; // made at the first variable: most topics tried miss on a literal first
    int start = 0;
    int v = 0;
    for (String literal : literals) {
      if (start > topic.length()) {
        return Optional.empty(); // fewer levels than the pattern
      }
      int end = levelEnd(topic, start);
      if (literal == null) {
        if (values == null) {
          values = new LinkedHashMap<>();
        }
        values.put(variables.get(v++), topic.substring(start, end));
      } else if (end - start != literal.length() || !topic.startsWith(literal, start)) {
        return Optional.empty();
      }
      start = end + 1;
    }
    if (values == null) {
      values = new LinkedHashMap<>();
    }
    if (start > topic.length()) {
      return Optional.of(values); // as many levels as the pattern
    }
    if (optionalVariable == null || levelEnd(topic, start) != topic.length()) {
      return Optional.empty(); // more levels than the pattern allows
    }
    values.put(optionalVariable, topic.substring(start));
    return Optional.of(values);
  }

  private static int levelEnd(String topic, int start) {
    int slash = topic.indexOf('/', start);
    return slash < 0 ? topic.length() : slash;
  }

  /** MQTT subscription filters: each variable becomes {@code +}; an optional level gives a second filter. */
  public List<String> subscriptions() {
    List<String> levels = new ArrayList<>();
    for (String literal : literals) {
      levels.add(literal == null ? "+" : literal);
    }
    String filter = String.join("/", levels);
    return optionalVariable == null ? List.of(filter) : List.of(filter, filter + "/+");
  }

  @Override
  public String toString() {
    return text;
  }

  private static void addVariable(List<String> variables, String name) {
    if (variables.contains(name)) {
      throw new IllegalArgumentException("variable {" + name + "} appears twice");
    }
    if (name.equals(Template.SIGNAL)) {
      throw new IllegalArgumentException("{signal} is reserved for the signal name a payload gives");
    }
    variables.add(name);
  }
}
