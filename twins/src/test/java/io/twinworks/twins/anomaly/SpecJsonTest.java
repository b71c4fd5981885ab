package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.twinworks.twins.alert.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spec written as JSON reads back as itself, and is a body {@link DetectorSpec#fromMap} accepts. */
class SpecJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private static final List<DetectorSpec> EVERY_TYPE = List.of(
      new ThresholdSpec(null, 80.0, 42.0, 5.0, 1, 0, Duration.ofSeconds(30), Severity.CRITICAL),
      new ZScoreSpec(4032, 8, 0.5, 1e-9, 1e-6, 1008, Duration.ZERO, Severity.WARNING),
      new IqrSpec(4032, 0.01, 0.99, 0.05, 0.5, 1e-9, 1e-6, 1008, Duration.ofHours(2), Severity.WARNING),
      new HampelSpec(61, 3.5, 0.5, 0.01, 0, 30, Duration.ZERO, Severity.INFO),
      new RateOfChangeSpec(2.5, 0.4, 0, Duration.ofMillis(1500), Severity.WARNING),
      new FlatlineSpec(Duration.ofDays(1), 0.001, 0, Duration.ZERO, Severity.WARNING),
      new SeasonalSpec(Duration.ofDays(7), 168, 2, 500, 0.98, 4, 0.5, 1e-9, 1e-6, 100, Duration.ZERO, Severity.INFO));

  @Test
  void everyTypeRoundTripsThroughJsonAndItsMap() throws Exception {
    for (DetectorSpec spec : EVERY_TYPE) {
      String json = JSON.writeValueAsString(spec);
      assertEquals(spec, JSON.readValue(json, DetectorSpec.class), json);
      Map<String, Object> body = JSON.readValue(json, new TypeReference<>() {});
      assertEquals(spec, DetectorSpec.fromMap(body), json);
    }
  }

  @Test
  void theJsonUsesTheConfigurationKeys() throws Exception {
    assertEquals("{\"type\":\"iqr\",\"window\":4032,\"lower-quantile\":0.01,\"upper-quantile\":0.99,\"k\":0.05,"
        + "\"clear-ratio\":0.5,\"min-scale\":1.0E-9,\"min-relative-scale\":1.0E-6,\"warm-up\":1008,"
        + "\"min-duration\":\"PT2H\",\"severity\":\"warning\"}", JSON.writeValueAsString(EVERY_TYPE.get(2)));
  }
}
