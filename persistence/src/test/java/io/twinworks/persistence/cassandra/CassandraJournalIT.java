package io.twinworks.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import io.twinworks.persistence.Recorder;
import io.twinworks.testsupport.CassandraFixture;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events and snapshots persisted through the Cassandra profile survive a restart of the ActorSystem. */
class CassandraJournalIT {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();

  @Test
  void recoversEventsAndSnapshotsAfterRestart() {
    // As the runtime does it: the profile's include plus the plugin ids from StoreProfile.
    Config base = CassandraTestConfig.config(CASSANDRA.node(), "journal_it",
        "twinworks.store.profile = cassandra\npekko.actor.provider = local");
    Config config = StoreProfile.from(base).pluginConfig().withFallback(base);
    assertEquals("pekko.persistence.cassandra.journal", config.getString("pekko.persistence.journal.plugin"));

    List<String> expected = List.of("a", "b", "c", "d", "e");
    runSystem(config, testKit -> {
      ActorRef<Recorder.Command> recorder = testKit.spawn(new Recorder("one"), "recorder");
      TestProbe<List<String>> probe = testKit.createTestProbe();
      expected.forEach(text -> recorder.tell(new Recorder.Append(text, probe.ref())));
      for (int i = 1; i <= expected.size(); i++) {
        assertEquals(expected.subList(0, i), probe.receiveMessage(Duration.ofSeconds(30)));
      }
    });
    runSystem(config, testKit -> {
      ActorRef<Recorder.Command> recorder = testKit.spawn(new Recorder("one"), "recorder");
      TestProbe<List<String>> probe = testKit.createTestProbe();
      recorder.tell(new Recorder.Get(probe.ref()));
      assertEquals(expected, probe.receiveMessage(Duration.ofSeconds(30)));
    });
    try (CassandraStore store = CassandraStore.open(config)) {
      long events = store.session().execute("SELECT COUNT(*) FROM journal_it.messages").one().getLong(0);
      long snapshots = store.session().execute("SELECT COUNT(*) FROM journal_it.snapshots").one().getLong(0);
      assertEquals(5, events);
      assertEquals(1, snapshots, "snapshot at sequence 3 (keep 2, so none deleted yet)");
    }
  }

  private static void runSystem(Config config, Consumer<ActorTestKit> body) {
    try (CassandraStore store = CassandraStore.open(config)) {
      ActorTestKit testKit = ActorTestKit.create("twinworks", config);
      try {
        body.accept(testKit);
      } finally {
        testKit.shutdownTestKit();
      }
    }
  }

}
