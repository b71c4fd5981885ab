package io.twinworks.persistence.alert;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Where each delivery channel of the {@link AlertLog} (the MQTT alert topic, each webhook endpoint) has got to: the
 * seq of the last change it delivered or moved past. Durable, so a channel resumes after a restart where it stopped.
 *
 * <p>A cursor only moves forward: saving a lower seq than the stored one leaves the stored one. A save that arrives
 * late, from a delivery run abandoned on shutdown or restart, so cannot move a channel back and repeat changes.
 */
public interface DeliveryCursors {

  /** Longest cursor name (a webhook endpoint's name is part of it). */
  int MAX_NAME_LENGTH = 300;

  /**
   * The channel's cursor; empty when it never saved one (a new channel, which decides where to start). Empty, not 0:
   * 0 is a real cursor, that of a channel created while the log was empty.
   */
  CompletionStage<OptionalLong> cursor(String name);

  /** Stores {@code seq} (at least 0) as the channel's cursor unless the stored one is higher. */
  CompletionStage<Done> saveCursor(String name, long seq);

  /** Throws {@link IllegalArgumentException} unless the name is 1..{@value #MAX_NAME_LENGTH} characters. */
  static void checkName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("a delivery cursor name must have 1 to " + MAX_NAME_LENGTH
          + " characters, was " + (name == null ? "null" : name.length()));
    }
  }

  /** Throws {@link IllegalArgumentException} unless {@code seq >= 0}. */
  static void checkSeq(long seq) {
    if (seq < 0) {
      throw new IllegalArgumentException("a delivery cursor must be at least 0, was " + seq);
    }
  }
}
