package io.twinworks.connectors.opcua;

import io.twinworks.twins.Quality;
import java.time.Instant;
import java.util.OptionalDouble;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/** What a reading takes from an OPC UA {@link DataValue}: its quality, its time and its number. */
final class DataValues {

  private DataValues() {}

  /** OPC UA's status code severity: Good, Uncertain or Bad (the two top bits). */
  static Quality quality(StatusCode status) {
    if (status == null || status.isGood()) {
      return Quality.GOOD;
    }
    return status.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
  }

  /** The source timestamp, else the server timestamp, else {@code received}. */
  static Instant sourceTime(DataValue value, Instant received) {
    if (isSet(value.getSourceTime())) {
      return value.getSourceTime().getJavaInstant();
    }
    return isSet(value.getServerTime()) ? value.getServerTime().getJavaInstant() : received;
  }

  /** The value as a number: any numeric type, a Boolean as 1 or 0; empty for anything else (text, arrays, ...). */
  static OptionalDouble number(Variant variant) {
    Object value = variant == null ? null : variant.getValue();
    if (value instanceof Boolean flag) {
      return OptionalDouble.of(flag ? 1 : 0);
    }
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return OptionalDouble.of(number.doubleValue());
    }
    return OptionalDouble.empty();
  }

  /** The status code's name, e.g. {@code Bad_NodeIdUnknown}, and what it means. */
  static String describe(StatusCode status) {
    return StatusCodes.lookup(status.getValue())
        .map(nameAndText -> nameAndText[0] + " (" + nameAndText[1] + ")")
        .orElse(String.format("status 0x%08X", status.getValue()));
  }

  private static boolean isSet(DateTime time) {
    return time != null && time.isValid() && !time.isNull();
  }
}
