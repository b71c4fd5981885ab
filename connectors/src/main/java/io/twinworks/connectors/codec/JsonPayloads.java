package io.twinworks.connectors.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.twinworks.twins.Quality;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the JSON codecs share: one configured parser and the rules for values, timestamps and quality.
 * Every failure is a {@link PayloadRejected} whose message names the field and shows the offending value.
 */
public final class JsonPayloads {

  /** Deeper documents are rejected before they are built; our payloads need three levels. */
  public static final int MAX_NESTING_DEPTH = 16;
  /** Times before this are rejected as absurd (a clock that was never set, seconds sent as days...). */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING_DEPTH)
              .maxNumberLength(64)
              .build())
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final Map<String, Double> STATES = Map.of("STOP", 0.0, "RUN", 1.0, "IDLE", 2.0, "MAINTENANCE", 3.0);
  private static final String STATE_NAMES = "RUN, STOP, IDLE, MAINTENANCE";
  private static final BigDecimal MILLIS_ABOVE = BigDecimal.valueOf(100_000_000_000L);
  private static final int MAX_EPOCH_DIGITS = 20;
  private static final int MAX_EPOCH_FRACTION_DIGITS = 12;
  private static final String TIME_FORMS = "expected ISO-8601 with zone, or epoch seconds or milliseconds";
  private static final int SHOW_MAX = 80;

  private final Duration maxFutureSkew;

  /** @param maxFutureSkew how far after its receive time a timestamp may lie before it is rejected */
  public JsonPayloads(Duration maxFutureSkew) {
    this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
  }

  /** Parses a whole payload as one JSON value (strict UTF-8, no NaN, no trailing data, bounded depth). */
  public JsonNode parse(byte[] payload) throws PayloadRejected {
    if (payload.length == 0) {
      throw new PayloadRejected("payload is empty");
    }
    requireUtf8(payload);
    try {
      return MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      // Jackson quotes the offending token, which may hold control characters; parsing bytes, it counts bytes.
      throw new PayloadRejected("payload is not valid JSON: " + UntrustedText.shown(e.getOriginalMessage())
          + (e.getLocation() == null ? "" : " (at byte " + e.getLocation().getByteOffset() + ")"));
    } catch (IOException e) {
      throw new PayloadRejected("payload could not be read: " + e.getMessage());
    }
  }

  /** Parses a payload that must be a JSON object. */
  public JsonNode parseObject(byte[] payload) throws PayloadRejected {
    JsonNode root = parse(payload);
    if (!root.isObject()) {
      throw new PayloadRejected("payload is not a JSON object: " + show(root));
    }
    return root;
  }

  /** The value of a required field; see {@link #value(JsonNode, String)}. */
  public double requiredValue(JsonNode object, String field) throws PayloadRejected {
    JsonNode node = object.get(field);
    if (node == null) {
      throw new PayloadRejected("field '" + field + "' is missing");
    }
    return fieldValue(node, "", field);
  }

  /**
   * A signal value: a finite number, {@code true}/{@code false} (1/0), or a machine state
   * ({@code RUN}=1, {@code STOP}=0, {@code IDLE}=2, {@code MAINTENANCE}=3, any case).
   *
   * @param what how a reason names the value, e.g. {@code payload}
   */
  public double value(JsonNode node, String what) throws PayloadRejected {
    double value = valueOrNaN(node);
    if (Double.isNaN(value)) {
      throw valueProblem(node, what);
    }
    return value;
  }

  /**
   * The value of field {@code prefix + name} as {@link #value(JsonNode, String)} reads it; its name is put
   * together only for a reason (every payload reads a few fields, few are rejected).
   */
  public double fieldValue(JsonNode node, String prefix, String name) throws PayloadRejected {
    double value = valueOrNaN(node);
    if (Double.isNaN(value)) {
      throw valueProblem(node, "field '" + prefix + name + "'");
    }
    return value;
  }

  /** The value, or NaN when it is none (JSON has no NaN, so it cannot be one). */
  private static double valueOrNaN(JsonNode node) {
    if (node.isNumber()) {
      double value = node.doubleValue();
      return Double.isFinite(value) ? value : Double.NaN;
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? 1.0 : 0.0;
    }
    if (node.isTextual()) {
      Double state = STATES.get(node.textValue().trim().toUpperCase(Locale.ROOT));
      return state == null ? Double.NaN : state;
    }
    return Double.NaN;
  }

  private static PayloadRejected valueProblem(JsonNode node, String what) {
    if (node.isNumber()) {
      return new PayloadRejected(what + " is out of range: it overflows a double");
    }
    if (node.isTextual()) {
      return new PayloadRejected(what + " is not a number: " + show(node) + " (strings allowed: " + STATE_NAMES + ")");
    }
    return new PayloadRejected(what + " is not a number: " + show(node));
  }

  /** A required, non-blank string field. */
  public String requiredText(JsonNode object, String field) throws PayloadRejected {
    JsonNode node = object.get(field);
    if (node == null) {
      throw new PayloadRejected("field '" + field + "' is missing");
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw new PayloadRejected("field '" + field + "' is not a non-empty string: " + show(node));
    }
    return node.textValue();
  }

  /** An optional quality field ({@code good}, {@code uncertain}, {@code bad}, any case); absent or null is good. */
  public Quality quality(JsonNode object, String field) throws PayloadRejected {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return Quality.GOOD;
    }
    if (node.isTextual()) {
      var quality = Quality.find(node.textValue());
      if (quality.isPresent()) {
        return quality.get();
      }
    }
    throw new PayloadRejected("field '" + field + "' is not a quality: " + show(node)
        + " (expected good, uncertain or bad)");
  }

  /**
   * An optional timestamp field; absent or null means {@code receivedTime}. Accepts ISO-8601 with a zone or
   * offset, or epoch numbers (milliseconds above 10^11, else seconds; fractions allowed), also as strings.
   * Rejects times before {@link #EARLIEST} or more than the allowed skew after {@code receivedTime}.
   */
  public Instant timestamp(JsonNode object, String field, Instant receivedTime) throws PayloadRejected {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return receivedTime;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return checked(epochInstant(node.longValue(), field, node, receivedTime), field, node, receivedTime);
    }
    BigDecimal epoch;
    if (node.isNumber()) {
      if (!Double.isFinite(node.doubleValue())) {
        throw new PayloadRejected(what(field) + " is out of range: it overflows a double");
      }
      epoch = node.decimalValue();
    } else if (node.isTextual() && isEpochText(node.textValue().trim())) {
      epoch = new BigDecimal(node.textValue().trim());
    } else if (node.isTextual()) {
      return checked(isoInstant(node.textValue(), field), field, node, receivedTime);
    } else {
      throw new PayloadRejected(what(field) + " is not a timestamp: " + show(node) + " (" + TIME_FORMS + ")");
    }
    return checked(epochInstant(epoch, field, node, receivedTime), field, node, receivedTime);
  }

  /** A JSON value as text for a reason, cut to a readable length. */
  public static String show(JsonNode node) {
    return cut(node.toString()); // JSON escapes C0 controls, not DEL and C1 (U+007F..U+009F)
  }

  private Instant epochInstant(BigDecimal epoch, String field, JsonNode node, Instant receivedTime)
      throws PayloadRejected {
    BigDecimal seconds = epoch.compareTo(MILLIS_ABOVE) > 0 ? epoch.movePointLeft(3) : epoch;
    // Bounds first, on the decimal, so that absurd numbers never reach Instant arithmetic.
    if (seconds.compareTo(BigDecimal.valueOf(EARLIEST.getEpochSecond())) < 0) {
      throw tooEarly(field, node);
    }
    if (seconds.compareTo(BigDecimal.valueOf(latest(receivedTime).getEpochSecond() + 1)) > 0) {
      throw tooLate(field, node, receivedTime);
    }
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** The same as for a decimal, in whole numbers: the usual epoch milliseconds without BigDecimal arithmetic. */
  private Instant epochInstant(long epoch, String field, JsonNode node, Instant receivedTime) throws PayloadRejected {
    boolean millis = epoch > MILLIS_ABOVE.longValue();
    long earliest = EARLIEST.getEpochSecond();
    long limit = latest(receivedTime).getEpochSecond() + 1;
    if (millis ? epoch < earliest * 1000 : epoch < earliest) {
      throw tooEarly(field, node);
    }
    // For milliseconds: epoch / 1000 > limit, i.e. epoch >= 1000 * limit + 1, without overflowing.
    if (millis ? Math.floorDiv(epoch - 1, 1000) >= limit : epoch > limit) {
      throw tooLate(field, node, receivedTime);
    }
    return millis ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
  }

  private static Instant isoInstant(String text, String field) throws PayloadRejected {
    String trimmed = text.trim();
    Instant common = CommonIsoInstant.parse(trimmed);
    if (common != null) {
      return common;
    }
    TemporalAccessor parsed;
    try {
      parsed = DateTimeFormatter.ISO_DATE_TIME.parse(trimmed);
    } catch (DateTimeException e) {
      throw new PayloadRejected(what(field) + " is not a timestamp: \"" + cut(text) + "\" (" + TIME_FORMS + ")");
    }
    if (parsed.query(TemporalQueries.zone()) == null) {
      throw new PayloadRejected(what(field) + " has no time zone: \"" + cut(text)
          + "\" (add Z or an offset such as +01:00)");
    }
    try {
      return Instant.from(parsed);
    } catch (DateTimeException e) {
      throw new PayloadRejected(what(field) + " is out of range: \"" + cut(text) + "\"");
    }
  }

  private Instant checked(Instant time, String field, JsonNode node, Instant receivedTime) throws PayloadRejected {
    if (time.isBefore(EARLIEST)) {
      throw tooEarly(field, node);
    }
    if (time.isAfter(latest(receivedTime))) {
      throw tooLate(field, node, receivedTime);
    }
    return time;
  }

  private Instant latest(Instant receivedTime) {
    return receivedTime.plus(maxFutureSkew);
  }

  private static PayloadRejected tooEarly(String field, JsonNode node) {
    return new PayloadRejected(what(field) + " is before " + EARLIEST + ": " + show(node));
  }

  private PayloadRejected tooLate(String field, JsonNode node, Instant receivedTime) {
    return new PayloadRejected(what(field) + " is more than " + maxFutureSkew + " in the future: " + show(node)
        + " (received at " + receivedTime + ")");
  }

  /** How a reason names a field. */
  private static String what(String field) {
    return "field '" + field + "'";
  }

  /** Epoch seconds or milliseconds as text: {@code -?[0-9]{1,20}(\.[0-9]{1,12})?}, without a regex per payload. */
  static boolean isEpochText(String text) {
    int at = text.startsWith("-") ? 1 : 0;
    int digits = digitsFrom(text, at);
    if (digits < 1 || digits > MAX_EPOCH_DIGITS) {
      return false;
    }
    at += digits;
    if (at == text.length()) {
      return true;
    }
    if (text.charAt(at) != '.') {
      return false;
    }
    int fraction = digitsFrom(text, at + 1);
    return fraction >= 1 && fraction <= MAX_EPOCH_FRACTION_DIGITS && at + 1 + fraction == text.length();
  }

  private static int digitsFrom(String text, int from) {
    int at = from;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - from;
  }

  private static void requireUtf8(byte[] payload) throws PayloadRejected {
    if (isAscii(payload)) {
      return; // the usual payload: nothing a decoder could object to
    }
    ByteBuffer bytes = ByteBuffer.wrap(payload);
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
    } catch (CharacterCodingException e) {
      throw new PayloadRejected("payload is not valid UTF-8 (bad byte at offset " + bytes.position() + ")");
    }
  }

  private static boolean isAscii(byte[] payload) {
    for (byte b : payload) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String cut(String text) {
    return UntrustedText.shown(text, SHOW_MAX);
  }
}
