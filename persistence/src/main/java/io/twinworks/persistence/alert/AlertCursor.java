package io.twinworks.persistence.alert;

import io.twinworks.persistence.history.TimeCodec;
import io.twinworks.twins.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

/**
 * Where a page of current alerts ends, in their order: newest raised first (raise time in epoch microseconds), ties
 * by id, descending. Encoded as URL-safe base64 of {@code "<micros> <id>"}, so callers treat it as opaque.
 */
public record AlertCursor(long raisedMicros, String alertId) {

  /** The order of {@link AlertLog#current}: newest raised first, then by id, descending. */
  public static final Comparator<Alert> NEWEST_RAISED_FIRST =
      Comparator.<Alert>comparingLong(AlertCursor::raisedMicros).thenComparing(a -> a.id()).reversed();

  public static AlertCursor after(Alert alert) {
    return new AlertCursor(raisedMicros(alert), alert.id());
  }

  /** The raise time as the stores keep and order it: epoch microseconds. */
  public static long raisedMicros(Alert alert) {
    return TimeCodec.micros(alert.raisedAt());
  }

  public String encode() {
    String text = raisedMicros + " " + alertId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a string stands for; throws {@link IllegalArgumentException} for anything we did not issue. */
  public static AlertCursor decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int space = text.indexOf(' ');
      long micros = Long.parseLong(text.substring(0, space));
      String id = text.substring(space + 1);
      Alert.twinOf(id);
      return new AlertCursor(micros, id);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("invalid cursor '" + (cursor.length() <= 40 ? cursor
          : cursor.substring(0, 40) + "...") + "'", e);
    }
  }
}
