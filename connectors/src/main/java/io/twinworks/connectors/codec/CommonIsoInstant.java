package io.twinworks.connectors.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

/**
 * Reads the ISO-8601 forms devices actually send, {@code 2026-11-22T03:37:03Z}, with 1 to 9 fraction digits
 * and/or an offset {@code +01:00} instead of {@code Z}, without the JDK's general formatter (which took half
 * of the decode time in a profile of the ingest path).
 *
 * <p>It answers only what it can read completely: any other form (no seconds, a zone id, a lower-case
 * {@code t}, a year beyond 9999, ...) and any value out of range (February 30, hour 24, an offset beyond
 * ±18:00) gives {@code null}, and the caller asks {@link java.time.format.DateTimeFormatter#ISO_DATE_TIME},
 * which accepts or rejects it exactly as before. So for every text this either agrees with that formatter
 * or stays out of the way.
 */
final class CommonIsoInstant {

  /** {@code yyyy-MM-ddTHH:mm:ssZ}: the shortest form read here. */
  private static final int SHORTEST = 20;
  private static final int MAX_FRACTION_DIGITS = 9;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private CommonIsoInstant() {}

  /** The instant {@code text} denotes, or {@code null} when it is not one of the forms read here. */
  static Instant parse(String text) {
    int length = text.length();
    if (length < SHORTEST || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int fractionEnd = at + 1;
      while (fractionEnd < length && isDigit(text.charAt(fractionEnd))) {
        fractionEnd++;
      }
      int fractionDigits = fractionEnd - at - 1;
      if (fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
        return null;
      }
      nanos = digits(text, at + 1, fractionDigits);
      for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
        nanos *= 10;
      }
      at = fractionEnd;
    }
    int offsetSeconds = offsetSeconds(text, at);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return null;
    }
    long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
        + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** The offset from {@code at} to the end: {@code Z} or {@code ±HH:MM}; {@link Integer#MIN_VALUE} otherwise. */
  private static int offsetSeconds(String text, int at) {
    int rest = text.length() - at;
    if (rest == 1 && text.charAt(at) == 'Z') {
      return 0;
    }
    if (rest != 6 || text.charAt(at + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = text.charAt(at);
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3600 + minutes * 60;
    if (seconds > MAX_OFFSET_SECONDS) {
      return Integer.MIN_VALUE;
    }
    return sign == '+' ? seconds : -seconds;
  }

  /** The number written by {@code count} ASCII digits from {@code from}; -1 if one of them is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> Year.isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
