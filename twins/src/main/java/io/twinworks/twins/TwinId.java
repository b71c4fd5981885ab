package io.twinworks.twins;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A twin's identity: path segments of {@code [A-Za-z0-9._-]+} joined by {@code :}, tenant first, e.g.
 * {@code acme:p1:r1:pk7}. Used verbatim in URLs and persistence ids.
 */
public record TwinId(String value) {

  public static final int MAX_LENGTH = 256;
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public TwinId {
    String problem = problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Parses and validates a twin id; throws {@link IllegalArgumentException} with a readable reason. */
  public static TwinId of(String value) {
    return new TwinId(value);
  }

  /** Joins segments into an id, e.g. {@code of("default", "line1", "cnc01")}. */
  public static TwinId of(String... segments) {
    return new TwinId(String.join(":", segments));
  }

  /** The reason {@code value} is not a valid twin id, or {@code null} when it is valid. */
  public static String problemWith(String value) {
    if (value == null || value.isEmpty()) {
      return "twin id is empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "twin id is longer than " + MAX_LENGTH + " characters";
    }
    String[] segments = value.split(":", -1);
    if (segments.length < 2) {
      return "twin id '" + value + "' needs a tenant and at least one more segment, joined by ':'";
    }
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        return "twin id '" + printable(value) + "' has an invalid segment '" + printable(segment)
            + "' (allowed: letters, digits, '.', '_', '-')";
      }
    }
    return null;
  }

  public static boolean isValid(String value) {
    return problemWith(value) == null;
  }

  public String tenant() {
    return value.substring(0, value.indexOf(':'));
  }

  public List<String> segments() {
    return List.of(value.split(":"));
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(80).forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
    return out.toString();
  }
}
