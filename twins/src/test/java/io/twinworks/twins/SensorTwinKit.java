package io.twinworks.twins;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sensor twin in an EventSourcedBehaviorTestKit (serialization checks on) per test class, cleared
 * before each test: {@code @RegisterExtension static final SensorTwinKit kit = new SensorTwinKit(settings);}
 */
final class SensorTwinKit implements BeforeEachCallback, AfterAllCallback {

  private final ActorTestKit testKit = ActorTestKit.create(Fixtures.eventSourcedConfig());
  private final EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin;

  SensorTwinKit(TwinSettings settings) {
    twin = EventSourcedBehaviorTestKit.create(testKit.system(),
        SensorTwin.create(Fixtures.SENSOR, settings, testKit.system().ignoreRef()), Fixtures.SERIALIZATION);
  }

  EventSourcedBehaviorTestKit<TwinCommand, TwinEvent, TwinState> twin() {
    return twin;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    twin.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    testKit.shutdownTestKit();
  }
}
