package io.twinworks.twins.heartbeat;

import com.fasterxml.jackson.annotation.JsonValue;

/** A twin's health as the API shows it: {@code unknown}, {@code online}, {@code communication-loss}. */
public enum HealthStatus {
  /** Never heard from. */
  UNKNOWN("unknown"),
  ONLINE("online"),
  /** Silent for at least its heartbeat timeout. */
  COMMUNICATION_LOSS("communication-loss");

  private final String id;

  HealthStatus(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
