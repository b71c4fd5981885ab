package io.twinworks.runtime.http;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses and validates query parameters, throwing {@link BadRequestException} with a readable message. */
final class QueryParams {

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,256}");
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,1024}");
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

  /** A time range of a query, {@code from} before {@code to}, both between 1970 and 9999. */
  record TimeRange(Instant from, Instant to) {
    Duration length() {
      return Duration.between(from, to);
    }
  }

  private QueryParams() {}

  static int limit(Optional<String> raw, int defaultLimit, int max) {
    if (raw.isEmpty()) {
      return defaultLimit;
    }
    try {
      int limit = Integer.parseInt(raw.get().trim());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException("limit must be a whole number from 1 to " + max + ", was '" + clip(raw.get()) + "'");
  }

  static Optional<String> tenant(Optional<String> raw) {
    return matching("tenant", raw, TENANT, "letters, digits, '.', '_' or '-'");
  }

  static Optional<String> prefix(Optional<String> raw) {
    return matching("prefix", raw, PREFIX, "a twin id prefix: letters, digits, '.', '_', '-' or ':'");
  }

  static Optional<String> cursor(Optional<String> raw) {
    return matching("cursor", raw, CURSOR, "the cursor of a previous answer");
  }

  static Optional<TwinKind> kind(Optional<String> raw) {
    return raw.filter(s -> !s.isEmpty()).map(s -> TwinKind.find(s).orElseThrow(() ->
        new BadRequestException("kind must be sensor, machine or battery-pack, was '" + clip(s) + "'")));
  }

  static TwinId twinId(String raw) {
    String problem = TwinId.problemWith(raw);
    if (problem != null) {
      throw new BadRequestException(problem);
    }
    return TwinId.of(raw);
  }

  /**
   * The range of {@code from} and {@code to}: {@code to} defaults to now, {@code from} to {@code defaultLength} before
   * {@code to}. {@code to} is checked before the default is computed from it: ISO-8601 allows years up to 10^9,
   * and subtracting from one of those would throw instead of answering 400.
   */
  static TimeRange range(Map<String, String> params, Duration defaultLength, Clock clock) {
    Instant to = time("to", params.get("to")).orElseGet(clock::instant);
    Optional<Instant> from = time("from", params.get("from"));
    if (to.isBefore(EARLIEST) || to.isAfter(LATEST) || from.isPresent() && from.get().isBefore(EARLIEST)) {
      throw outOfBounds();
    }
    Instant start = from.orElse(to.minus(defaultLength));
    if (!start.isBefore(to)) {
      throw new BadRequestException("'from' (" + start + ") must be before 'to' (" + to + ")");
    }
    if (start.isBefore(EARLIEST)) {
      throw outOfBounds();
    }
    return new TimeRange(start, to);
  }

  private static BadRequestException outOfBounds() {
    return new BadRequestException("'from' and 'to' must lie between 1970 and 9999");
  }

  /** An ISO-8601 UTC time, empty when not given. */
  static Optional<Instant> time(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(raw));
    } catch (DateTimeParseException e) {
      throw new BadRequestException("'" + name + "' must be an ISO-8601 UTC time such as 2026-11-21T10:00:00Z, was '"
          + clip(raw) + "'");
    }
  }

  private static Optional<String> matching(String name, Optional<String> raw, Pattern pattern, String expected) {
    Optional<String> value = raw.filter(s -> !s.isEmpty());
    if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
      throw new BadRequestException(name + " must be " + expected + ", was '" + clip(value.get()) + "'");
    }
    return value;
  }

  static String clip(String s) {
    String printable = s.codePoints().limit(64)
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return s.length() > 64 ? printable + "…" : printable;
  }
}
