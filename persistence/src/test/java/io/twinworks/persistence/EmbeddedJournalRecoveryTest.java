package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.embeddedConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events persisted through the embedded profile survive a restart of the ActorSystem. */
class EmbeddedJournalRecoveryTest {

  @TempDir Path dir;
  private final ExecutorService blocking = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    blocking.shutdownNow();
  }

  @Test
  void recoversEventsAndSnapshotsAfterRestart() {
    Config config = ConfigFactory.parseString("pekko.actor.provider = local")
        .withFallback(embeddedConfig(dir));

    List<String> expected = List.of("a", "b", "c", "d", "e");
    runSystem(config, testKit -> {
      ActorRef<Recorder.Command> recorder = testKit.spawn(recorder(), "recorder");
      TestProbe<List<String>> probe = testKit.createTestProbe();
      expected.forEach(text -> recorder.tell(new Recorder.Append(text, probe.ref())));
      for (int i = 1; i <= expected.size(); i++) {
        assertEquals(expected.subList(0, i), probe.receiveMessage(Duration.ofSeconds(20)));
      }
    });
    runSystem(config, testKit -> {
      ActorRef<Recorder.Command> recorder = testKit.spawn(recorder(), "recorder");
      TestProbe<List<String>> probe = testKit.createTestProbe();
      recorder.tell(new Recorder.Get(probe.ref()));
      assertEquals(expected, probe.receiveMessage(Duration.ofSeconds(20)));
    });
  }

  private void runSystem(Config config, java.util.function.Consumer<ActorTestKit> body) {
    try (EmbeddedStore store = EmbeddedStore.open(config, blocking)) {
      ActorTestKit testKit = ActorTestKit.create("twinworks", config);
      try {
        body.accept(testKit);
      } finally {
        testKit.shutdownTestKit();
      }
    }
  }

  private static Behavior<Recorder.Command> recorder() {
    return new Recorder("one");
  }
}
