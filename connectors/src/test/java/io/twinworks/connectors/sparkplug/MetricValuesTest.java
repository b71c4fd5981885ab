package io.twinworks.connectors.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.Quality;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;
import org.junit.jupiter.api.Test;

class MetricValuesTest {

  private static OptionalDouble value(Metric.Builder metric, DataType type) {
    return MetricValues.value(metric.build(), type);
  }

  @Test
  void signedNarrowIntegersReadTheSameSignExtendedOrInTheirOwnWidth() {
    assertEquals(OptionalDouble.of(-5), value(Metric.newBuilder().setIntValue(-5), DataType.Int8));
    assertEquals(OptionalDouble.of(-5), value(Metric.newBuilder().setIntValue(251), DataType.Int8)); // 251 - 256
    assertEquals(OptionalDouble.of(-2), value(Metric.newBuilder().setIntValue(65_534), DataType.Int16)); // - 65,536
    assertEquals(OptionalDouble.of(-7), value(Metric.newBuilder().setIntValue(-7), DataType.Int32));
  }

  @Test
  void unsignedIntegersAreNeverNegative() {
    assertEquals(OptionalDouble.of(200), value(Metric.newBuilder().setIntValue(200), DataType.UInt8));
    // the 32-bit pattern of -1 is 2^32 - 1 = 4,294,967,295
    assertEquals(OptionalDouble.of(4_294_967_295.0), value(Metric.newBuilder().setIntValue(-1), DataType.UInt32));
  }

  @Test
  void uint32InThe64BitFieldIsTolerated() {
    assertEquals(OptionalDouble.of(3_000_000_000.0),
        value(Metric.newBuilder().setLongValue(3_000_000_000L), DataType.UInt32));
  }

  @Test
  void uint64AboveTheSignedRangeIsUnsigned() {
    // -2 as 64 bits unsigned is 2^64 - 2, which a double rounds to 2^64 = 18,446,744,073,709,551,616
    assertEquals(OptionalDouble.of(0x1p64), value(Metric.newBuilder().setLongValue(-2), DataType.UInt64));
    assertEquals(OptionalDouble.of(-2), value(Metric.newBuilder().setLongValue(-2), DataType.Int64));
  }

  @Test
  void floatsDoublesAndBooleans() {
    assertEquals(OptionalDouble.of(1.5), value(Metric.newBuilder().setFloatValue(1.5f), DataType.Float));
    assertEquals(OptionalDouble.of(21.25), value(Metric.newBuilder().setDoubleValue(21.25), DataType.Double));
    assertEquals(OptionalDouble.of(1), value(Metric.newBuilder().setBooleanValue(true), DataType.Boolean));
    assertEquals(OptionalDouble.of(0), value(Metric.newBuilder().setBooleanValue(false), DataType.Boolean));
  }

  @Test
  void stringsNullsAndNaNHaveNoValue() {
    assertEquals(OptionalDouble.empty(), value(Metric.newBuilder().setStringValue("RUN"), DataType.String));
    assertEquals(OptionalDouble.empty(), value(Metric.newBuilder().setIsNull(true).setDoubleValue(1), DataType.Double));
    assertEquals(OptionalDouble.empty(), value(Metric.newBuilder().setDoubleValue(Double.NaN), DataType.Double));
    assertEquals(OptionalDouble.empty(), value(Metric.newBuilder(), DataType.Double));
  }

  @Test
  void qualityPropertyInOpcDaCodes() {
    assertEquals(Optional.of(Quality.GOOD), MetricValues.quality(withQuality(192)));
    assertEquals(Optional.of(Quality.UNCERTAIN), MetricValues.quality(withQuality(64)));
    assertEquals(Optional.of(Quality.BAD), MetricValues.quality(withQuality(0)));
    assertEquals(Optional.of(Quality.BAD), MetricValues.quality(withQuality(500))); // not an OPC DA code
    assertEquals(Optional.empty(), MetricValues.quality(Metric.newBuilder().setDoubleValue(1).build()));
  }

  private static Metric withQuality(int code) {
    return Metric.newBuilder().setDoubleValue(1).setProperties(PropertySet.newBuilder()
        .addKeys("engUnit").addValues(PropertyValue.newBuilder().setStringValue("°C"))
        .addKeys("Quality").addValues(PropertyValue.newBuilder().setType(DataType.Int32.getNumber()).setIntValue(code)))
        .build();
  }
}
