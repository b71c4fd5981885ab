package io.twinworks.runtime.bench;

import java.time.Duration;

/** What a bench run publishes and where. */
public record BenchSettings(String mqttUrl, String httpUrl, int twins, int readingsPerTwin, int qos, int window,
    Duration timeout) {

  public BenchSettings {
    if (twins < 1 || readingsPerTwin < 1) {
      throw new IllegalArgumentException("--twins and --readings-per-twin must be positive");
    }
    if (qos < 0 || qos > 1) {
      throw new IllegalArgumentException("--qos must be 0 or 1");
    }
    if (window < 1) {
      throw new IllegalArgumentException("--window must be positive");
    }
  }
}
