package io.twinworks.connectors.codec;

/**
 * A payload that cannot be turned into samples. The message tells a human what was wrong. It carries no
 * stack trace: a bad payload is data, and this exception never leaves the decoding step.
 */
public final class PayloadRejected extends Exception {

  public PayloadRejected(String reason) {
    super(reason, null, false, false);
  }
}
