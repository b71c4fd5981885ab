package io.twinworks.connectors.sparkplug;

import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.RECEIVED;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.named;
import static io.twinworks.connectors.sparkplug.EdgeNodeMessages.nodeBirth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile Sparkplug B input to a host that knows edge node {@code plant1/edge7} (born): each message is refused, or
 * the bad part left out, with a reason for the dead letters; no garbage reading, no exception.
 */
class HostileSparkplugTest {

  private static final String NDATA = "spBv1.0/plant1/NDATA/edge7";
  private static final long NOW = RECEIVED.toEpochMilli();

  static Stream<Arguments> messages() {
    return Stream.of(
        row(NDATA, "protobuf garbage", new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02},
            "is not a Sparkplug B payload"),
        row(NDATA, "truncated varint", new byte[] {0x08, (byte) 0x80}, "is not a Sparkplug B payload"),
        row(NDATA, "JSON instead of protobuf", "{\"value\":1}".getBytes(StandardCharsets.UTF_8),
            "is not a Sparkplug B payload"),
        row(NDATA, "huge payload", filler(300_000), "more than the limit of 262144"),
        row(NDATA, "metric time 10 years ahead", data(named("Temperature", 1, DataType.Double).setDoubleValue(1)
            .setTimestamp(NOW + Duration.ofDays(3650).toMillis())), "more than PT24H after the receive time"),
        row(NDATA, "metric time in 1970", data(named("Temperature", 1, DataType.Double).setDoubleValue(1)
            .setTimestamp(1_000)), "before 2000"),
        row(NDATA, "metric time at the end of a long", data(named("Temperature", 1, DataType.Double).setDoubleValue(1)
            .setTimestamp(Long.MAX_VALUE)), "after the receive time"),
        row(NDATA, "metric name with control characters", data(named("Temp\u001b[2J", 9, DataType.Double)
            .setDoubleValue(1)), "metric name contains a control character"),
        row(NDATA, "metric name of 5,000 characters", data(named("T".repeat(5_000), 9, DataType.Double)
            .setDoubleValue(1)), "metric name is longer than 200"),
        row(NDATA, "NaN double only", data(named("Temperature", 1, DataType.Double).setDoubleValue(Double.NaN),
            unknownAlias()), "alias no birth certificate defined"),
        row("spBv1.0/plant:1/NDATA/edge7", "':' in the group", data(), "would add a segment"),
        row("spBv1.0/plant1/DDATA/edge7/..", "'..' as device", data(), "invalid segment '..'"),
        row("spBv1.0/plant1/NDATA/ed\u0000ge7", "NUL in the node", data(), "invalid segment 'ed\\?ge7'"),
        row("spBv1.0/plant1/NDATA/edge7/extra", "a level too many", data(), "must have 4 levels"),
        row("spBv1.0/plant1/NOPE/edge7", "unknown message type", data(), "unknown message type 'NOPE'"),
        row("spBv1.0/plant1//edge7", "empty type", data(), "unknown message type ''"),
        row("spBv1.0/" + "g".repeat(70_000) + "/NDATA/n", "64 KiB topic", data(), "longer than 256"));
  }

  private static Metric.Builder unknownAlias() {
    return Metric.newBuilder().setAlias(77).setDoubleValue(2);
  }

  private static byte[] data(Metric.Builder... metrics) {
    Payload.Builder payload = Payload.newBuilder().setTimestamp(NOW).setSeq(1);
    Arrays.stream(metrics).forEach(payload::addMetrics);
    return payload.build().toByteArray();
  }

  private static byte[] filler(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 0x0a);
    return bytes;
  }

  private static Arguments row(String topic, String what, byte[] payload, String reason) {
    return Arguments.of(topic, what, payload, reason);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("messages")
  void isRefusedWithAReason(String topic, String what, byte[] payload, String reason) {
    SparkplugSessions sessions = new SparkplugSessions(TwinKind.MACHINE, Duration.ofSeconds(5));
    sessions.decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(0), RECEIVED);
    SparkplugResult result = sessions.decode(topic, payload, RECEIVED);
    for (Reading reading : result.readings()) {
      assertTrue(Double.isFinite(reading.value()), what + ": " + reading);
      assertTrue(reading.signal().chars().noneMatch(Character::isISOControl), what + ": " + reading);
    }
    assertTrue(result.rejected().isPresent(), what + " was not refused: " + result);
    String actual = result.rejected().get();
    assertTrue(Pattern.compile(reason).matcher(actual).find(), what + ": expected '" + reason + "', was: " + actual);
    assertTrue(actual.length() < 1_000, what + ": a reason of " + actual.length() + " characters");
    assertTrue(actual.chars().noneMatch(Character::isISOControl), what + ": control character in " + actual);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("messages")
  void keepsNoReadingOfTheBadMetric(String topic, String what, byte[] payload, String reason) {
    SparkplugSessions sessions = new SparkplugSessions(TwinKind.MACHINE, Duration.ofSeconds(5));
    sessions.decode("spBv1.0/plant1/NBIRTH/edge7", nodeBirth(0), RECEIVED);
    assertEquals(0, sessions.decode(topic, payload, RECEIVED).readings().size(), what);
  }
}
