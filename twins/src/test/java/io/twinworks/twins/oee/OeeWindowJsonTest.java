package io.twinworks.twins.oee;

import static io.twinworks.twins.oee.OeeFixtures.MINUTE;
import static io.twinworks.twins.oee.OeeFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

/** The window as the HTTP API writes it (the runtime's mapper: ISO-8601 instants). */
class OeeWindowJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void clockWindowWithoutPartsHasNullQualityAndNoShift() throws Exception {
    OeeAccumulator oee = new OeeAccumulator(OeeSettings.defaults());
    long eight = at("2024-03-04T08:00:00Z");
    oee.onRunState(eight, 1);
    oee.advanceTo(eight + 6 * MINUTE);
    // Ran 6 min without a part: performance 0 (even with no ideal cycle time), quality undefined.

    assertEquals("{\"start\":\"2024-03-04T08:00:00Z\",\"end\":\"2024-03-04T08:15:00Z\",\"bucket\":\"PT15M\","
            + "\"availability\":1.0,\"performance\":0.0,\"quality\":null,\"oee\":null,\"plannedSeconds\":360.0,"
            + "\"runSeconds\":360.0,\"totalCount\":0,\"goodCount\":0,\"partial\":true}",
        MAPPER.writeValueAsString(oee.current(OeeBucket.QUARTER_HOUR).orElseThrow()));
  }

  @Test
  void shiftWindowNamesItsShift() throws Exception {
    OeeAccumulator oee = new OeeAccumulator(OeeSettings.defaults());
    oee.onRunState(at("2024-03-04T08:00:00Z"), 1);
    String json = MAPPER.writeValueAsString(oee.current(OeeBucket.SHIFT).orElseThrow());
    assertEquals("shift", MAPPER.readTree(json).get("bucket").asText());
    assertEquals("day", MAPPER.readTree(json).get("shift").asText());
  }
}
