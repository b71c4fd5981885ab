package io.twinworks.connectors.codec;

import java.time.Instant;
import java.util.List;

/** Decodes one payload shape into samples; a route chooses its codec by {@link #name()}. */
public interface PayloadCodec {

  /** The name a route's {@code payload} key uses. */
  String name();

  /**
   * Decodes a payload. Never returns an empty list: a payload without any value is rejected.
   *
   * @param receivedTime the source time of samples whose payload carries no timestamp
   */
  List<Sample> decode(byte[] payload, Instant receivedTime) throws PayloadRejected;
}
