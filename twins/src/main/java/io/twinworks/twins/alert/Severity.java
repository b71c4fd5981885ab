package io.twinworks.twins.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent an alert is; written in JSON as {@code info}, {@code warning}, {@code critical}. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info|warning|critical} in any case; the message names the accepted values. */
  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.name().equalsIgnoreCase(text.trim())) {
        return severity;
      }
    }
    throw new IllegalArgumentException("severity must be one of info, warning, critical, was '" + text + "'");
  }
}
