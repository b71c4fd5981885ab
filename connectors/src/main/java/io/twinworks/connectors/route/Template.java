package io.twinworks.connectors.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Text with {@code {variable}} placeholders, e.g. {@code default:{line}:{machine}}. A part in brackets, e.g.
 * {@code {group}:{node}[:{device}]}, is rendered only when all its variables have values; that is how a
 * template uses a topic's optional level.
 */
public final class Template {

  /** The variable a signal template uses for the signal name the payload gives. */
  public static final String SIGNAL = "signal";

  private sealed interface Part permits Literal, Variable, Optional {}

  private record Literal(String text) implements Part {}

  private record Variable(String name) implements Part {}

  private record Optional(List<Part> parts) implements Part {}

  private final String text;
  private final List<Part> parts;

  private Template(String text, List<Part> parts) {
    this.text = text;
    this.parts = parts;
  }

  /**
   * Parses a template; throws {@link IllegalArgumentException} saying what is wrong.
   *
   * @param known the variables it may use
   * @param optional the variables that may lack a value, which must appear only inside brackets
   */
  public static Template parse(String text, Collection<String> known, Collection<String> optional) {
    List<Part> parts = new ArrayList<>();
    List<Part> group = null;
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        int end = text.indexOf('}', i);
        String name = end < 0 ? "" : text.substring(i + 1, end);
        if (!TopicPattern.NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("'{' at position " + i + " does not start a {variable}");
        }
        if (!known.contains(name)) {
          throw new IllegalArgumentException("unknown variable {" + name + "} (known: " + String.join(", ", known) + ")");
        }
        if (group == null && optional.contains(name)) {
          throw new IllegalArgumentException("{" + name + "} may be absent; put it in brackets, e.g. [:{" + name + "}]");
        }
        flush(literal, group == null ? parts : group);
        (group == null ? parts : group).add(new Variable(name));
        i = end;
      } else if (c == '[' && group == null) {
        flush(literal, parts);
        group = new ArrayList<>();
      } else if (c == ']' && group != null) {
        flush(literal, group);
        parts.add(new Optional(List.copyOf(group)));
        group = null;
      } else if (c == '}' || c == '[' || c == ']') {
        throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
      } else {
        literal.append(c);
      }
    }
    if (group != null) {
      throw new IllegalArgumentException("'[' without ']'");
    }
    flush(literal, parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("template is empty");
    }
    return new Template(text, List.copyOf(parts));
  }

  /** Renders with the given values; a bracketed part whose variables are not all given is left out. */
  public String render(Map<String, String> values) {
    if (parts.size() == 1 && parts.get(0) instanceof Variable only) {
      return String.valueOf(values.get(only.name())); // the usual signal template, {signal}: nothing to join
    }
    StringBuilder out = new StringBuilder();
    render(parts, values, out);
    return out.toString();
  }

  /** Whether the template is one variable and nothing else, e.g. {@code {twin}}. */
  public boolean isSingleVariable() {
    return parts.size() == 1 && parts.get(0) instanceof Variable;
  }

  @Override
  public String toString() {
    return text;
  }

  private static void render(List<Part> parts, Map<String, String> values, StringBuilder out) {
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else if (part instanceof Variable v) {
        out.append(values.get(v.name()));
      } else if (part instanceof Optional o && o.parts().stream()
          .allMatch(p -> !(p instanceof Variable w) || values.containsKey(w.name()))) {
        render(o.parts(), values, out);
      }
    }
  }

  private static void flush(StringBuilder literal, List<Part> into) {
    if (literal.length() > 0) {
      into.add(new Literal(literal.toString()));
      literal.setLength(0);
    }
  }
}
