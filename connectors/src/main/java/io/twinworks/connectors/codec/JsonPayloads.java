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
import java.util.regex.Pattern;

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
  private static final Pattern EPOCH_TEXT = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,12})?");
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
      throw new PayloadRejected("payload is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (at character " + e.getLocation().getCharOffset() + ")"));
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
    return value(node, "field '" + field + "'");
  }

  /**
   * A signal value: a finite number, {@code true}/{@code false} (1/0), or a machine state
   * ({@code RUN}=1, {@code STOP}=0, {@code IDLE}=2, {@code MAINTENANCE}=3, any case).
   *
   * @param what how a reason names the value, e.g. {@code field 'value'}
   */
  public double value(JsonNode node, String what) throws PayloadRejected {
    if (node.isNumber()) {
      double value = node.doubleValue();
      if (!Double.isFinite(value)) {
        throw new PayloadRejected(what + " is out of range: it overflows a double");
      }
      return value;
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? 1.0 : 0.0;
    }
    if (node.isTextual()) {
      Double state = STATES.get(node.textValue().trim().toUpperCase(Locale.ROOT));
      if (state != null) {
        return state;
      }
      throw new PayloadRejected(what + " is not a number: " + show(node) + " (strings allowed: " + STATE_NAMES + ")");
    }
    throw new PayloadRejected(what + " is not a number: " + show(node));
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
    String what = "field '" + field + "'";
    BigDecimal epoch;
    if (node.isNumber()) {
      if (!Double.isFinite(node.doubleValue())) {
        throw new PayloadRejected(what + " is out of range: it overflows a double");
      }
      epoch = node.decimalValue();
    } else if (node.isTextual() && EPOCH_TEXT.matcher(node.textValue().trim()).matches()) {
      epoch = new BigDecimal(node.textValue().trim());
    } else if (node.isTextual()) {
      return checked(isoInstant(node.textValue(), what), what, node, receivedTime);
    } else {
      throw new PayloadRejected(what + " is not a timestamp: " + show(node) + " (" + TIME_FORMS + ")");
    }
    return checked(epochInstant(epoch, what, node, receivedTime), what, node, receivedTime);
  }

  /** A JSON value as text for a reason, cut to a readable length. */
  public static String show(JsonNode node) {
    String text = node.toString();
    return text.length() <= SHOW_MAX ? text : text.substring(0, SHOW_MAX) + "...";
  }

  private Instant epochInstant(BigDecimal epoch, String what, JsonNode node, Instant receivedTime)
      throws PayloadRejected {
    BigDecimal seconds = epoch.compareTo(MILLIS_ABOVE) > 0 ? epoch.movePointLeft(3) : epoch;
    // Bounds first, on the decimal, so that absurd numbers never reach Instant arithmetic.
    if (seconds.compareTo(BigDecimal.valueOf(EARLIEST.getEpochSecond())) < 0) {
      throw tooEarly(what, node);
    }
    if (seconds.compareTo(BigDecimal.valueOf(latest(receivedTime).getEpochSecond() + 1)) > 0) {
      throw tooLate(what, node, receivedTime);
    }
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  private static Instant isoInstant(String text, String what) throws PayloadRejected {
    TemporalAccessor parsed;
    try {
      parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
    } catch (DateTimeException e) {
      throw new PayloadRejected(what + " is not a timestamp: \"" + cut(text) + "\" (" + TIME_FORMS + ")");
    }
    if (parsed.query(TemporalQueries.zone()) == null) {
      throw new PayloadRejected(what + " has no time zone: \"" + cut(text) + "\" (add Z or an offset such as +01:00)");
    }
    try {
      return Instant.from(parsed);
    } catch (DateTimeException e) {
      throw new PayloadRejected(what + " is out of range: \"" + cut(text) + "\"");
    }
  }

  private Instant checked(Instant time, String what, JsonNode node, Instant receivedTime) throws PayloadRejected {
    if (time.isBefore(EARLIEST)) {
      throw tooEarly(what, node);
    }
    if (time.isAfter(latest(receivedTime))) {
      throw tooLate(what, node, receivedTime);
    }
    return time;
  }

  private Instant latest(Instant receivedTime) {
    return receivedTime.plus(maxFutureSkew);
  }

  private static PayloadRejected tooEarly(String what, JsonNode node) {
    return new PayloadRejected(what + " is before " + EARLIEST + ": " + show(node));
  }

  private PayloadRejected tooLate(String what, JsonNode node, Instant receivedTime) {
    return new PayloadRejected(what + " is more than " + maxFutureSkew + " in the future: " + show(node)
        + " (received at " + receivedTime + ")");
  }

  private static void requireUtf8(byte[] payload) throws PayloadRejected {
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

  private static String cut(String text) {
    return text.length() <= SHOW_MAX ? text : text.substring(0, SHOW_MAX) + "...";
  }
}
