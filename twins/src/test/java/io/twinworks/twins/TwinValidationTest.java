package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.SETTINGS;
import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.temp;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinCommand.Recorded;
import java.time.Instant;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwinValidationTest {

  @RegisterExtension
  static final SensorTwinKit kit = new SensorTwinKit(SETTINGS);
  private final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin = kit.twin();

  @Test
  void readingForAnotherTwinRejectsTheWholeBatch() {
    Reading other = Fixtures.reading(TwinId.of("default:temp-02"), TwinKind.SENSOR, "temperature", 1, 2);
    var result = record(twin, temp(20, 1), other);
    assertTrue(result.reply().isError());
    assertTrue(result.reply().getError().getMessage().contains("default:temp-02"));
    assertTrue(result.hasNoEvents());
    assertTrue(view(twin).signals().isEmpty());
  }

  @Test
  void readingOfAnotherKindIsRejected() {
    Reading machine = Fixtures.reading(Fixtures.SENSOR, TwinKind.MACHINE, "temperature", 1, 2);
    var result = record(twin, machine);
    assertTrue(result.reply().isError());
    assertTrue(result.reply().getError().getMessage().contains("machine"));
    assertTrue(result.hasNoEvents());
  }

  @Test
  void sourceTimeOutOfRangeIsRejected() {
    Reading ancient = new Reading(Fixtures.SENSOR, TwinKind.SENSOR, "t", 1, Quality.GOOD,
        Instant.ofEpochSecond(-1), Fixtures.T0, "test", 0);
    assertTrue(record(twin, ancient).reply().isError());
  }

  @Test
  void emptyBatchIsAcceptedWithoutAnEvent() {
    var result = record(twin);
    assertEquals(StatusReply.success(new Recorded(0, 0, 0)), result.reply());
    assertTrue(result.hasNoEvents());
  }
}
