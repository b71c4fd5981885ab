package io.twinworks.twins;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Quality of a reading, OPC UA's three classes. */
public enum Quality {
  GOOD,
  UNCERTAIN,
  BAD;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Quality> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    for (Quality q : values()) {
      if (q.id().equalsIgnoreCase(id.trim())) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Quality of(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown quality '" + id + "' (expected good, uncertain or bad)"));
  }

  @Override
  public String toString() {
    return id();
  }
}
