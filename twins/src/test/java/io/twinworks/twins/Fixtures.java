package io.twinworks.twins;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.TwinCommand.GetTwin;
import io.twinworks.twins.TwinCommand.RecordReadings;
import io.twinworks.twins.TwinCommand.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Shared test data: settings, readings at fixed times, test-kit configuration. */
final class Fixtures {

  static final AnalyticsDefaults ANALYTICS = AnalyticsDefaults.fromConfig(ConfigFactory.load());
  static final TwinSettings SETTINGS = settings(100);
  /**
   * Commands and events are checked to round-trip; the state is not, because its analytics are
   * snapshotted through {@link TwinSnapshot} (checked by {@code TwinSnapshotSerializationTest}).
   */
  static final EventSourcedBehaviorTestKit.SerializationSettings SERIALIZATION =
      EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false);
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final TwinId SENSOR = TwinId.of("default:temp-01");
  static final TwinId MACHINE = TwinId.of("default:line1:cnc01");
  static final TwinId PACK = TwinId.of("acme:p1:r1:pk7");

  private Fixtures() {}

  /** A new sensor twin's state. */
  static TwinState emptySensor() {
    return TwinState.empty(SENSOR, TwinKind.SENSOR, ANALYTICS);
  }

  /** The reference settings, snapshotting every {@code snapshotEvery} events. */
  static TwinSettings settings(int snapshotEvery) {
    return new TwinSettings(snapshotEvery, Duration.ofMinutes(2), Duration.ofMillis(200), Duration.ofSeconds(5), 0.2,
        ANALYTICS);
  }

  /** A reading measured {@code second} seconds after {@link #T0}, received 100 ms later. */
  static Reading reading(TwinId id, TwinKind kind, String signal, double value, long second) {
    return reading(id, kind, signal, value, second, Quality.GOOD);
  }

  static Reading reading(TwinId id, TwinKind kind, String signal, double value, long second, Quality quality) {
    Instant source = T0.plusSeconds(second);
    return new Reading(id, kind, signal, value, quality, source, source.plusMillis(100), "test", 0);
  }

  static Reading temp(double value, long second) {
    return reading(SENSOR, TwinKind.SENSOR, "temperature", value, second);
  }

  /** Config for {@link EventSourcedBehaviorTestKit} with CBOR bindings and an in-memory snapshot store. */
  static Config eventSourcedConfig() {
    return ConfigFactory.parseResources("application-test.conf")
        .withFallback(EventSourcedBehaviorTestKit.config())
        .withFallback(PersistenceTestKitSnapshotPlugin.config());
  }

  static EventSourcedBehaviorTestKit.CommandResultWithReply<TwinCommand, TwinEvent, TwinState, StatusReply<Recorded>>
      record(EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin, Reading... readings) {
    return twin.<StatusReply<Recorded>>runCommand(replyTo -> new RecordReadings(List.of(readings), replyTo));
  }

  static TwinView view(EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin) {
    return twin.<StatusReply<TwinView>>runCommand(GetTwin::new).reply().getValue();
  }
}
