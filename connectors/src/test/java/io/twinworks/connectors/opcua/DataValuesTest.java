package io.twinworks.connectors.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Quality;
import java.time.Instant;
import java.util.OptionalDouble;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.junit.jupiter.api.Test;

class DataValuesTest {

  private static final Instant SOURCE = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant SERVER = Instant.parse("2026-01-01T10:00:01Z");
  private static final Instant RECEIVED = Instant.parse("2026-01-01T10:00:02Z");

  @Test
  void statusSeverityIsTheQuality() {
    assertEquals(Quality.GOOD, DataValues.quality(StatusCode.GOOD));
    assertEquals(Quality.GOOD, DataValues.quality(new StatusCode(StatusCodes.Good_Clamped)));
    assertEquals(Quality.UNCERTAIN, DataValues.quality(new StatusCode(StatusCodes.Uncertain_SensorNotAccurate)));
    assertEquals(Quality.BAD, DataValues.quality(new StatusCode(StatusCodes.Bad_SensorFailure)));
  }

  @Test
  void sourceTimeElseServerTimeElseReceiveTime() {
    Variant v = new Variant(1.0);
    assertEquals(SOURCE, DataValues.sourceTime(new DataValue(v, StatusCode.GOOD, new DateTime(SOURCE),
        new DateTime(SERVER)), RECEIVED));
    assertEquals(SERVER, DataValues.sourceTime(new DataValue(v, StatusCode.GOOD, null, new DateTime(SERVER)),
        RECEIVED));
    assertEquals(RECEIVED, DataValues.sourceTime(new DataValue(v, StatusCode.GOOD, DateTime.NULL_VALUE, null),
        RECEIVED));
  }

  @Test
  void numbersAndBooleansAreNumbersTheRestIsNot() {
    assertEquals(OptionalDouble.of(21.5), DataValues.number(new Variant(21.5)));
    assertEquals(OptionalDouble.of(42), DataValues.number(new Variant(42)));
    assertEquals(OptionalDouble.of(4_000_000_000.0), DataValues.number(new Variant(UInteger.valueOf(4_000_000_000L))));
    assertEquals(OptionalDouble.of(1), DataValues.number(new Variant(true)));
    assertEquals(OptionalDouble.of(0), DataValues.number(new Variant(false)));
    assertTrue(DataValues.number(new Variant("RUN")).isEmpty());
    assertTrue(DataValues.number(new Variant(Double.NaN)).isEmpty());
    assertTrue(DataValues.number(Variant.NULL_VALUE).isEmpty());
  }

  @Test
  void statusDescriptionNamesTheCode() {
    assertTrue(DataValues.describe(new StatusCode(StatusCodes.Bad_NodeIdUnknown)).startsWith("Bad_NodeIdUnknown ("));
  }
}
