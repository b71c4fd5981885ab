package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.record;
import static io.twinworks.twins.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinCommand.CheckHeartbeat;
import io.twinworks.twins.TwinCommand.Configure;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.heartbeat.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A source whose clock stands an hour from ours (a PLC never set, a backlog replayed): a silence long enough for
 * communication loss must not move the twin's analysis onto our clock. The twin holds readings for a 2 s reorder
 * grace and raises a threshold alert above 100.
 */
class TwinSourceClockTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @RegisterExtension
  static final SensorTwinKit kit = new SensorTwinKit(Fixtures.SETTINGS);
  private final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin = kit.twin();

  @BeforeEach
  void configure() {
    TwinConfig threshold = TwinConfig.of(Map.of("grace-period", "2s", "detectors",
        Map.of("temperature", List.of(Map.of("type", "threshold", "high", 100)))));
    assertTrue(twin.<StatusReply<TwinConfig>>runCommand(r -> new Configure(threshold, r))
        .reply().isSuccess());
  }

  @Test
  void aSourceAnHourBehindIsStillAnalysedAfterASilence() {
    Duration behind = HOUR;
    measured(20, 0, behind);
    measured(150, 5, behind);
    measured(20, 10, behind); // releases the 150: raised
    assertEquals(List.of(150.0), thresholdAlerts().stream().map(Alert::value).toList());

    silentFor30sAfter(T0.plusSeconds(10).plus(behind));
    assertEquals(List.of(), thresholdAlerts(), "the silence let go of the 20 the buffer held: cleared");

    measured(20, 15, behind);
    measured(150, 20, behind);
    measured(20, 25, behind);
    assertEquals(HealthStatus.ONLINE, view(twin).health());
    List<Alert> raised = thresholdAlerts();
    assertEquals(1, raised.size(), "readings after the silence are analysed, not late: " + raised);
    assertEquals(T0.plusSeconds(20), raised.get(0).sourceTime());
  }

  @Test
  void whatASourceAnHourAheadLeftInTheBufferIsAnalysedWhenItFallsSilent() {
    Duration ahead = HOUR.negated();
    measured(20, 0, ahead);
    measured(150, 5, ahead); // held: nothing newer came to release it
    assertEquals(List.of(), thresholdAlerts());

    silentFor30sAfter(T0.plusSeconds(5).plus(ahead));
    List<Alert> raised = thresholdAlerts();
    assertEquals(1, raised.size(), raised.toString());
    assertEquals(T0.plusSeconds(5), raised.get(0).sourceTime());
  }

  /** A temperature measured {@code second} s after T0 by the source, received by us {@code behind} later. */
  private void measured(double value, long second, Duration behind) {
    Instant source = T0.plusSeconds(second);
    record(twin, new Reading(Fixtures.SENSOR, TwinKind.SENSOR, "temperature", value, Quality.GOOD, source,
        source.plus(behind), "test", 0));
  }

  private void silentFor30sAfter(Instant lastReceived) {
    Instant now = lastReceived.plusSeconds(31);
    var checked = twin.<TwinCommand.HeartbeatDue>runCommand(r -> new CheckHeartbeat(now, r));
    assertEquals(HealthStatus.COMMUNICATION_LOSS, checked.reply().health());
  }

  private List<Alert> thresholdAlerts() {
    return view(twin).alerts().stream().filter(a -> "threshold".equals(a.kind())).toList();
  }
}
