package io.twinworks.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The payload shapes of DESIGN.md's default routes as the plant simulator sends them, at one fixed time, so
 * every benchmark decodes the same bytes.
 */
final class SeedPayloads {

  /** When the messages are received: one second after their timestamps, well inside the allowed skew. */
  static final Instant RECEIVED = Instant.parse("2026-11-22T03:37:04Z");
  static final String ISO_TIME = "2026-11-22T03:37:03.123Z";
  static final long EPOCH_MILLIS = Instant.parse(ISO_TIME).toEpochMilli();

  static final String SENSOR_TOPIC = "sensors/TEMP-01/data";
  static final String MACHINE_TOPIC = "factory/line1/cnc01/telemetry";
  static final String CELL_TOPIC = "tenants/acme/plants/p1/racks/r1/packs/pk7/cells/03/voltage";

  static final byte[] SENSOR_EPOCH_MILLIS = bytes(
      "{\"sensor_id\":\"TEMP-01\",\"temperature\":42.5,\"timestamp\":" + EPOCH_MILLIS + "}");
  static final byte[] SENSOR_ISO = bytes(
      "{\"sensor_id\":\"TEMP-01\",\"temperature\":42.5,\"timestamp\":\"" + ISO_TIME + "\"}");
  static final byte[] MACHINE_ONE_SIGNAL = bytes("{\"device_id\":\"cnc01\",\"timestamp\":" + EPOCH_MILLIS
      + ",\"signal_name\":\"spindle_temperature\",\"value\":61.5,\"quality\":\"good\",\"tags\":{\"line\":\"line1\"}}");
  static final byte[] MACHINE_READINGS = bytes("{\"device_id\":\"cnc01\",\"timestamp\":\"" + ISO_TIME
      + "\",\"readings\":{\"spindle_temperature\":61.5,\"vibration\":0.42,\"run_status\":\"RUN\",\"cycle_count\":1200},"
      + "\"tags\":{\"line\":\"line1\"}}");
  static final byte[] CELL_BARE = bytes("3.71");
  static final byte[] CELL_WRAPPED = bytes("{\"value\":3.71,\"timestamp\":\"" + ISO_TIME + "\"}");

  private SeedPayloads() {}

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
