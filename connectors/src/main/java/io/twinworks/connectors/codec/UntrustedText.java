package io.twinworks.connectors.codec;

/**
 * Text from the wire (topic names, signal and metric names, origins) as the rest of Twinworks may use it.
 */
public final class UntrustedText {

  /** The longest text a reason shows of one untrusted string. */
  public static final int MAX_SHOWN = 200;
  /** The longest signal name or origin a message may give. */
  public static final int MAX_NAME_LENGTH = 200;

  private UntrustedText() {}

  /**
   * The text as a dead letter's reason shows it: control characters as {@code ?}, so a reason cannot forge log lines,
   * and cut to {@value #MAX_SHOWN} characters (an MQTT topic may be 64 KiB).
   */
  public static String shown(String text) {
    return shown(text, MAX_SHOWN);
  }

  /** As {@link #shown(String)}, cut to {@code max} characters. */
  public static String shown(String text, int max) {
    int length = Math.min(text.length(), max);
    StringBuilder out = null;
    for (int i = 0; i < length; i++) {
      if (Character.isISOControl(text.charAt(i))) {
        if (out == null) {
          out = new StringBuilder(text.substring(0, length));
        }
        out.setCharAt(i, '?');
      }
    }
    String shown = out == null ? text.substring(0, length) : out.toString();
    return length < text.length() ? shown + "..." : shown;
  }

  /**
   * Why {@code text} cannot be stored as a name (a signal, an origin), or null when it can: not blank, at most
   * {@value #MAX_NAME_LENGTH} characters, no control characters.
   *
   * @param what how the reason names it, e.g. {@code signal name}
   */
  public static String nameProblem(String what, String text) {
    if (text.isBlank()) {
      return what + " is empty";
    }
    if (text.length() > MAX_NAME_LENGTH) {
      return what + " is longer than " + MAX_NAME_LENGTH + " characters: '" + shown(text.substring(0, 40)) + "...'";
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return what + " contains a control character";
      }
    }
    return null;
  }
}
