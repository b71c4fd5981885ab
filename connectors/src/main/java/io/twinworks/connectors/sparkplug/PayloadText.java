package io.twinworks.connectors.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;

/** A Sparkplug payload as a person reads it in the dead letters: protobuf's text format, when it parses. */
public final class PayloadText {

  private PayloadText() {}

  /** The text format's UTF-8 bytes; the payload itself when it is not a Sparkplug B payload. */
  public static byte[] of(byte[] payload) {
    try {
      return Payload.parseFrom(payload).toString().getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      return payload;
    }
  }
}
