package io.twinworks.twins;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A twin's identity: path segments of {@code [A-Za-z0-9._-]+} joined by {@code :}, tenant first, e.g.
 * {@code acme:p1:r1:pk7}. Used verbatim in URLs and persistence ids.
 */
public record TwinId(String value) {

  public static final int MAX_LENGTH = 256;

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

  /**
   * The reason {@code value} is not a valid twin id, or {@code null} when it is valid. One pass over the
   * characters, no split or regex: every decoded message checks its twin id.
   */
  public static String problemWith(String value) {
    if (value == null || value.isEmpty()) {
      return "twin id is empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "twin id is longer than " + MAX_LENGTH + " characters";
    }
    if (value.indexOf(':') < 0) {
      return "twin id '" + printable(value) + "' needs a tenant and at least one more segment, joined by ':'";
    }
    int start = 0;
    while (start <= value.length()) {
      int colon = value.indexOf(':', start);
      int end = colon < 0 ? value.length() : colon;
      if (!isValidSegment(value, start, end)) {
        return "twin id '" + printable(value) + "' has an invalid segment '" + printable(value.substring(start, end))
            + "' (allowed: letters, digits, '.', '_', '-')";
      }
      start = end + 1;
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

  /** {@code [A-Za-z0-9._-]+} but not {@code .} or {@code ..}, for {@code value[start, end)}. */
  private static boolean isValidSegment(String value, int start, int end) {
    if (end == start) {
      return false;
    }
    boolean onlyDots = true;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
          || c == '.')) {
        return false;
      }
      onlyDots &= c == '.';
    }
    return !onlyDots || end - start > 2;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(80).forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
    return out.toString();
  }
}
