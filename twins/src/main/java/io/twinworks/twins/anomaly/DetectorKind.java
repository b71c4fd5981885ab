package io.twinworks.twins.anomaly;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The detector types; {@link #id()} is the {@code type} in configuration and the alert {@code kind} in JSON. */
public enum DetectorKind {
  THRESHOLD("threshold"),
  ZSCORE("zscore"),
  IQR("iqr"),
  HAMPEL("hampel"),
  RATE_OF_CHANGE("rate-of-change"),
  FLATLINE("flatline"),
  SEASONAL("seasonal");

  private final String id;

  DetectorKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Parses an id; the message lists the known ones. */
  public static DetectorKind of(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("type must be one of " + ids() + ", was '" + id + "'"));
  }

  static String ids() {
    return Arrays.stream(values()).map(DetectorKind::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
