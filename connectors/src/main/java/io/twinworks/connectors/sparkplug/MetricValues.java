package io.twinworks.connectors.sparkplug;

import io.twinworks.twins.Quality;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;

/**
 * A metric's value as a double, and its quality. Integers of every width, Float, Double and Boolean (1/0) have a
 * value; String, DateTime, Text, UUID, DataSet, Bytes, File, Template, arrays and null metrics have none (they are
 * skipped, not errors). The value is read from whichever field carries it, so a UInt32 sent in the 64-bit field
 * (a common deviation from the specification's 32-bit field) reads the same. UInt64 values above 2^53 lose
 * precision in a double.
 */
final class MetricValues {

  /** OPC DA quality, as Ignition and others put it in a metric's {@code Quality} property. */
  static final String QUALITY_PROPERTY = "Quality";
  private static final int OPC_QUALITY_MASK = 0xC0;
  private static final int OPC_GOOD = 0xC0;
  private static final int OPC_UNCERTAIN = 0x40;

  private MetricValues() {}

  /** The metric's value, read as {@code type} says (the birth's type when the metric does not carry one). */
  static OptionalDouble value(Metric metric, DataType type) {
    if (metric.getIsNull()) {
      return OptionalDouble.empty();
    }
    return switch (metric.getValueCase()) {
      case INT_VALUE -> OptionalDouble.of(fromInt(metric.getIntValue(), type));
      case LONG_VALUE -> OptionalDouble.of(type == DataType.UInt64
          ? unsigned(metric.getLongValue()) : metric.getLongValue());
      case FLOAT_VALUE -> finite(metric.getFloatValue());
      case DOUBLE_VALUE -> finite(metric.getDoubleValue());
      case BOOLEAN_VALUE -> OptionalDouble.of(metric.getBooleanValue() ? 1 : 0);
      default -> OptionalDouble.empty();
    };
  }

  /**
   * The quality of a {@code Quality} property: 192–255 good, 64–127 uncertain, anything else bad (OPC DA's two
   * high bits of the low byte); none when the metric has no such property.
   */
  static Optional<Quality> quality(Metric metric) {
    if (!metric.hasProperties()) {
      return Optional.empty();
    }
    PropertySet properties = metric.getProperties();
    for (int i = 0; i < properties.getKeysCount() && i < properties.getValuesCount(); i++) {
      if (properties.getKeys(i).equals(QUALITY_PROPERTY)) {
        return opcQuality(properties.getValues(i));
      }
    }
    return Optional.empty();
  }

  private static Optional<Quality> opcQuality(PropertyValue value) {
    long code;
    switch (value.getValueCase()) {
      case INT_VALUE -> code = Integer.toUnsignedLong(value.getIntValue());
      case LONG_VALUE -> code = value.getLongValue();
      default -> {
        return Optional.empty();
      }
    }
    if (code < 0 || code > 0xFF) {
      return Optional.of(Quality.BAD);
    }
    int bits = (int) code & OPC_QUALITY_MASK;
    return Optional.of(bits == OPC_GOOD ? Quality.GOOD : bits == OPC_UNCERTAIN ? Quality.UNCERTAIN : Quality.BAD);
  }

  /**
   * The 32-bit field is unsigned on the wire. Narrow signed types are cast to their width, so both a sign-extended
   * -5 and an Int8 -5 sent as 251 read -5.
   */
  private static double fromInt(int raw, DataType type) {
    if (type == null) {
      return raw;
    }
    return switch (type) {
      case Int8 -> (byte) raw;
      case Int16 -> (short) raw;
      case UInt8 -> raw & 0xFF;
      case UInt16 -> raw & 0xFFFF;
      case UInt32, UInt64 -> Integer.toUnsignedLong(raw);
      default -> raw;
    };
  }

  private static double unsigned(long raw) {
    return raw >= 0 ? raw : (double) (raw & Long.MAX_VALUE) + 0x1p63;
  }

  private static OptionalDouble finite(double value) {
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }
}
