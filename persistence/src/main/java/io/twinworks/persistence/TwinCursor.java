package io.twinworks.persistence;

import io.twinworks.twins.TwinId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Paging cursors: the last id of a page as URL-safe base64, so callers treat it as opaque. */
public final class TwinCursor {

  private TwinCursor() {}

  public static String encode(TwinId lastId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.value().getBytes(StandardCharsets.UTF_8));
  }

  /** The id a cursor stands for; throws {@link IllegalArgumentException} for anything we did not issue. */
  public static TwinId decode(String cursor) {
    try {
      String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return TwinId.of(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid cursor '" + abbreviate(cursor) + "'", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
