package io.twinworks.twins;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of twin; {@link #id()} is the name used in configuration, JSON and entity type keys. */
public enum TwinKind {
  SENSOR("sensor"),
  MACHINE("machine"),
  BATTERY_PACK("battery-pack");

  private final String id;

  TwinKind(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public static Optional<TwinKind> find(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TwinKind of(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown twin kind '" + id + "' (expected sensor, machine or battery-pack)"));
  }

  @Override
  public String toString() {
    return id;
  }
}
