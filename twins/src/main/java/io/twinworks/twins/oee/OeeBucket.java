package io.twinworks.twins.oee;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;

/** The kinds of OEE window; written as the HTTP API's {@code bucket} values. */
public enum OeeBucket {
  /** Wall-clock quarter hours of the calendar's zone. */
  QUARTER_HOUR("PT15M"),
  /** Wall-clock hours of the calendar's zone. */
  HOUR("PT1H"),
  /** One window per shift occurrence, from its start to its end. */
  SHIFT("shift");

  private final String json;

  OeeBucket(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }

  /** Parses {@code PT15M}, {@code PT1H} or {@code shift} (any case). */
  public static OeeBucket parse(String text) {
    for (OeeBucket bucket : values()) {
      if (bucket.json.equalsIgnoreCase(text.trim())) {
        return bucket;
      }
    }
    throw new IllegalArgumentException("bucket must be one of PT15M, PT1H, shift, was '" + text + "'");
  }

  WindowGrid grid(ShiftCalendar calendar) {
    return switch (this) {
      case QUARTER_HOUR -> new ClockGrid(calendar.zone(), Duration.ofMinutes(15));
      case HOUR -> new ClockGrid(calendar.zone(), Duration.ofHours(1));
      case SHIFT -> new ShiftGrid(calendar);
    };
  }
}
