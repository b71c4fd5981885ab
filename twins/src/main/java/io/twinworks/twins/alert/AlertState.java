package io.twinworks.twins.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An alert's lifecycle: {@code active → acknowledged → cleared}, or {@code active → cleared}. */
public enum AlertState {
  ACTIVE,
  ACKNOWLEDGED,
  CLEARED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code active|acknowledged|cleared} in any case. */
  public static AlertState parse(String text) {
    for (AlertState state : values()) {
      if (state.name().equalsIgnoreCase(text.trim())) {
        return state;
      }
    }
    throw new IllegalArgumentException("alert state must be one of active, acknowledged, cleared, was '" + text + "'");
  }
}
