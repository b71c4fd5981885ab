package io.twinworks.connectors.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.twinworks.connectors.codec.JsonPayloads;
import io.twinworks.connectors.codec.PayloadCodec;
import io.twinworks.connectors.codec.PayloadCodecs;
import io.twinworks.connectors.codec.PayloadRejected;
import io.twinworks.connectors.codec.Sample;
import java.time.Instant;
import java.util.List;

/**
 * The JSON codecs on their own, as a route would call them: {@link PayloadRejected} is the only exception that may
 * leave {@code decode}; what they accept has finite values and times inside the bounds.
 */
class JsonCodecsFuzzTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-22T12:00:00Z");
  private static final PayloadCodec[] CODECS = PayloadCodecs.standard(
      new JsonPayloads(AcceptedReadings.MAX_FUTURE_SKEW)).values().toArray(PayloadCodec[]::new);

  @FuzzTest(maxDuration = "20s")
  void acceptsFiniteSamplesOrRejects(FuzzedDataProvider data) {
    PayloadCodec codec = data.pickValue(CODECS);
    List<Sample> samples;
    try {
      samples = codec.decode(data.consumeRemainingAsBytes(), RECEIVED);
    } catch (PayloadRejected rejected) {
      AcceptedReadings.requireReadable(rejected.getMessage());
      return;
    }
    if (samples.isEmpty()) {
      throw new AssertionError(codec.name() + " accepted a payload without samples");
    }
    for (Sample sample : samples) {
      if (!Double.isFinite(sample.value()) || sample.sourceTime().isBefore(JsonPayloads.EARLIEST)
          || sample.sourceTime().isAfter(RECEIVED.plus(AcceptedReadings.MAX_FUTURE_SKEW))) {
        throw new AssertionError(codec.name() + " accepted " + sample);
      }
    }
  }
}
