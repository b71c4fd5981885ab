package io.twinworks.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fast ISO reader never disagrees with the JDK's formatter: it gives the same instant, or leaves it. */
class CommonIsoInstantTest {

  private static final String[] YEARS = {"0000", "1999", "2000", "2023", "2024", "2100", "9999"};
  private static final String[] MONTHS = {"00", "01", "02", "04", "06", "09", "11", "12", "13", "1a"};
  private static final String[] DAYS = {"00", "01", "28", "29", "30", "31", "32"};
  private static final String[] TIMES = {"00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "12:00",
      "12:00:00.", "12:00:00.5", "12:00:00.123456789", "12:00:00.1234567890", "1:00:00", "12-00-00"};
  private static final String[] ZONES = {"Z", "z", "+00:00", "-00:00", "+01:00", "-05:30", "+18:00", "-18:00",
      "+18:01", "+19:00", "+01:60", "+0100", "+01", "+01:00:30", "+01:00[Europe/Berlin]", "", "Zx", "+01:0a"};

  @Test
  void agreesWithTheJdkOrLeavesIt() {
    int read = 0;
    int compared = 0;
    for (String year : YEARS) {
      for (String month : MONTHS) {
        for (String day : DAYS) {
          for (String zone : ZONES) {
            read += compare(year + "-" + month + "-" + day + "T12:00:00" + zone);
            compared++;
          }
        }
      }
    }
    for (String time : TIMES) {
      for (String zone : ZONES) {
        read += compare("2024-02-29T" + time + zone);
        compared++;
      }
    }
    // Hand count of what the fast reader takes: valid dates with seconds and a Z or ±HH:MM offset up to 18:00.
    assertTrue(read > compared / 10, read + " of " + compared);
  }

  @Test
  void readsTheCommonFormsItself() {
    for (String text : List.of("2026-11-22T03:37:03Z", "2026-11-22T03:37:03.1Z", "2026-11-22T03:37:03.123456789Z",
        "2026-11-22T03:37:03+01:00", "2026-11-22T03:37:03.5-05:30")) {
      assertNotNull(CommonIsoInstant.parse(text), text);
      assertEquals(jdk(text), CommonIsoInstant.parse(text), text);
    }
  }

  @Test
  void leavesShortAndOddTexts() {
    for (String text : List.of("", "2026", "2026-11-22", "2026-11-22T03:37Z", "yesterday", "2026-11-22T03:37:03",
        "2026-11-22T03:37:03.Z", "2026-11-22 03:37:03Z")) {
      assertNull(CommonIsoInstant.parse(text), text);
    }
  }

  @Test
  void epochTextAgreesWithItsRegex() {
    Pattern regex = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,12})?");
    for (String text : List.of("0", "-1", "1714561200", "1714561200123.5", "12345678901234567890",
        "123456789012345678901", "1.123456789012", "1.1234567890123", "-", "1.", ".5", "1.5.5", "--1", "1e5", " 1",
        "1-", "", "2024-05-01T10:00:00Z", "-0.0", "١٢")) {
      assertEquals(regex.matcher(text).matches(), JsonPayloads.isEpochText(text), text);
    }
  }

  /** 1 when the fast reader read {@code text}, after checking it agrees with the JDK. */
  private static int compare(String text) {
    Instant fast = CommonIsoInstant.parse(text);
    if (fast == null) {
      return 0;
    }
    assertEquals(jdk(text), fast, text);
    return 1;
  }

  /** What JsonPayloads did before the fast reader: null for a text it rejected. */
  private static Instant jdk(String text) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
      return parsed.query(TemporalQueries.zone()) == null ? null : Instant.from(parsed);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
