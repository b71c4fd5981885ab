package io.twinworks.twins;

import java.time.Instant;

/**
 * Input that could not be turned into readings, kept durably with the reason.
 *
 * @param source where it came from, e.g. the MQTT topic
 * @param payload the raw payload as text (invalid UTF-8 replaced), cut to a bounded length
 * @param payloadBytes the size of the original payload in bytes
 */
public record DeadLetter(Instant time, String source, String reason, String payload, int payloadBytes)
    implements CborSerializable {

  /** The most payload text a dead letter keeps. */
  public static final int MAX_PAYLOAD_CHARS = 4096;

  public static DeadLetter of(Instant time, String source, String reason, byte[] payload) {
    String text = new String(payload, 0, Math.min(payload.length, MAX_PAYLOAD_CHARS * 4),
        java.nio.charset.StandardCharsets.UTF_8);
    if (text.length() > MAX_PAYLOAD_CHARS) {
      text = text.substring(0, MAX_PAYLOAD_CHARS);
    }
    return new DeadLetter(time, source, reason, text, payload.length);
  }
}
