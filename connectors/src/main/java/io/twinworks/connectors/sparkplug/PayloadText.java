package io.twinworks.connectors.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;

/** A Sparkplug payload as a person reads it in the dead letters: protobuf's text format, when it parses. */
public final class PayloadText {

  /** Larger payloads are kept as they are: their text would be cut by the dead-letter store anyway. */
  static final int MAX_PARSED_BYTES = 64 * 1024;

  private PayloadText() {}

  /** The text format's UTF-8 bytes; the payload itself when it is not a Sparkplug B payload, or too large. */
  public static byte[] of(byte[] payload) {
    if (payload.length > MAX_PARSED_BYTES) {
      return payload;
    }
    try {
      return Payload.parseFrom(payload).toString().getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      return payload;
    }
  }
}
