package io.twinworks.connectors.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.twinworks.connectors.sparkplug.SparkplugResult;
import io.twinworks.connectors.sparkplug.SparkplugSessions;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.time.Instant;

/**
 * A run of Sparkplug messages (fuzzed topics and protobuf payloads) into one host: births, data, deaths in any order
 * and any shape. The host never throws, accepts only finite readings inside the time bounds, and every reason is
 * readable.
 */
class SparkplugDecodeFuzzTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-22T12:00:00Z");
  private static final String[] TYPES = {"NBIRTH", "NDATA", "NDEATH", "DBIRTH", "DDATA", "DDEATH", "NCMD", "STATE"};

  @FuzzTest(maxDuration = "20s")
  void decodesAnyRunOfMessages(FuzzedDataProvider data) {
    SparkplugSessions host = new SparkplugSessions(TwinKind.MACHINE, Duration.ZERO);
    int messages = data.consumeInt(1, 4);
    for (int i = 0; i < messages && data.remainingBytes() > 0; i++) {
      String type = data.pickValue(TYPES);
      String topic = "spBv1.0/" + (data.consumeBoolean() ? "plant1" : data.consumeString(12)) + "/" + type + "/"
          + (data.consumeBoolean() ? "edge7" : data.consumeString(12))
          + (type.startsWith("D") ? "/" + data.consumeString(12) : "");
      byte[] payload = i == messages - 1 ? data.consumeRemainingAsBytes() : data.consumeBytes(data.consumeInt(0, 512));
      SparkplugResult result = host.decode(topic, payload, RECEIVED);
      AcceptedReadings.requireWellFormed(result.readings(), RECEIVED);
      result.rejected().ifPresent(AcceptedReadings::requireReadable);
    }
  }
}
