package io.twinworks.connectors.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

class NodeValueMapperTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final NodeMapping TEMP = node("ns=2;s=Line1.Temp", "temp");
  private final NodeValueMapper mapper = new NodeValueMapper("opcua:plc1");

  private static NodeMapping node(String id, String signal) {
    return new NodeMapping(NodeId.parse(id), TwinId.of("default:line1:cnc01"), TwinKind.MACHINE, signal,
        NodeMapping.Mode.SUBSCRIBE, Duration.ofMillis(100), 10, Deadband.NONE, Duration.ofSeconds(1));
  }

  private Batch map(NodeMapping node, DataValue value) {
    Batch batch = new Batch();
    mapper.map(node, value, T0.plusSeconds(5), batch);
    return batch;
  }

  @Test
  void aValueBecomesAReadingAtItsSourceTime() {
    Batch batch = map(TEMP, new DataValue(new Variant(21.5), new StatusCode(StatusCodes.Uncertain_LastUsableValue),
        new DateTime(T0)));
    assertEquals(new Reading(TwinId.of("default:line1:cnc01"), TwinKind.MACHINE, "temp", 21.5, Quality.UNCERTAIN, T0,
        T0.plusSeconds(5), "opcua:plc1", 0), batch.readings.get(0));
    assertTrue(batch.deadLetters.isEmpty());
  }

  @Test
  void badWithoutValueRepeatsTheLastNumberWithQualityBad() {
    map(TEMP, new DataValue(new Variant(21.5)));
    Batch batch = map(TEMP, new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure)));
    assertEquals(21.5, batch.readings.get(0).value());
    assertEquals(Quality.BAD, batch.readings.get(0).quality());
    assertTrue(map(node("ns=2;s=Other", "other"), new DataValue(new StatusCode(StatusCodes.Bad_SensorFailure)))
        .isEmpty(), "nothing to repeat for a node never seen");
  }

  @Test
  void textIsDeadLetteredOncePerNode() {
    NodeMapping name = node("ns=2;s=Line1.Name", "name");
    Batch first = map(name, new DataValue(new Variant("cnc01")));
    assertTrue(first.readings.isEmpty());
    assertEquals("opcua:plc1/ns=2;s=Line1.Name", first.deadLetters.get(0).source());
    assertEquals("cnc01", first.deadLetters.get(0).payload());
    assertTrue(map(name, new DataValue(new Variant("cnc02"))).isEmpty());
  }

  @Test
  void anUnknownNodeIsDeadLetteredOnceWithTheStatusName() {
    NodeMapping missing = node("ns=2;s=Nope", "nope");
    Batch first = map(missing, new DataValue(new StatusCode(StatusCodes.Bad_NodeIdUnknown)));
    assertTrue(first.deadLetters.get(0).reason().startsWith("cannot read node ns=2;s=Nope: Bad_NodeIdUnknown"),
        first.deadLetters.get(0).reason());
    assertTrue(map(missing, new DataValue(new StatusCode(StatusCodes.Bad_NodeIdUnknown))).isEmpty());
  }
}
