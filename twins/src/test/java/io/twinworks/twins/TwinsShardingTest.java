package io.twinworks.twins;

import static io.twinworks.twins.Fixtures.T0;
import static io.twinworks.twins.Fixtures.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.twins.TwinCommand.GetTwin;
import io.twinworks.twins.TwinCommand.RecordReadings;
import io.twinworks.twins.TwinCommand.Recorded;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Readings in and the view out through real sharding, on a one-node cluster. */
class TwinsShardingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Path SNAPSHOTS = tempDir();
  private static final ActorTestKit testKit = ActorTestKit.create("TwinsShardingTest", ConfigFactory.parseString("""
      pekko.actor.provider = cluster
      pekko.remote.artery.canonical.hostname = "127.0.0.1"
      pekko.remote.artery.canonical.port = 0
      pekko.persistence.journal.plugin = "pekko.persistence.journal.inmem"
      pekko.persistence.snapshot-store.plugin = "pekko.persistence.snapshot-store.local"
      twinworks.twins.snapshot-every = 2
      """).withFallback(ConfigFactory.parseMap(Map.of("pekko.persistence.snapshot-store.local.dir", SNAPSHOTS.toString())))
      .withFallback(ConfigFactory.parseResources("application-test.conf")));

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("twins-snapshots");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void shutdown() throws IOException {
    testKit.shutdownTestKit();
    try (Stream<Path> files = Files.walk(SNAPSHOTS)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void recordsAndReadsBackThroughSharding() throws Exception {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    testKit.createTestProbe().awaitAssert(TIMEOUT,
        () -> {
          assertEquals(MemberStatus.up(), cluster.selfMember().status());
          return null;
        });
    Twins.init(testKit.system(), TwinSettings.create(testKit.system()), testKit.system().ignoreRef());

    TwinId pack = Fixtures.PACK;
    EntityRef<TwinCommand> ref = Twins.ref(testKit.system(), pack, TwinKind.BATTERY_PACK);
    for (int s = 1; s <= 2; s++) {
      List<Reading> batch = List.of(reading(pack, TwinKind.BATTERY_PACK, "cell.1.voltage", 3.5 + s / 10.0, s),
          reading(pack, TwinKind.BATTERY_PACK, "cell.2.voltage", 3.6, s));
      Recorded recorded = ref.<Recorded>askWithStatus(replyTo -> new RecordReadings(batch, replyTo), TIMEOUT)
          .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(new Recorded(2, 0, 0), recorded);
    }

    TwinView view = ref.<TwinView>askWithStatus(GetTwin::new, TIMEOUT)
        .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(pack, view.id());
    assertEquals(new SignalValue(3.7, T0.plusSeconds(2), Quality.GOOD), view.signals().get("cell.1.voltage"));
    assertEquals(0.1, view.summary().get("voltage.spread"), 1e-9);
    assertEquals(4, view.readings());
    testKit.createTestProbe().awaitAssert(TIMEOUT, () -> {
      assertTrue(hasSnapshot(), "no snapshot in " + SNAPSHOTS);
      return null;
    });
  }

  private static boolean hasSnapshot() {
    try (Stream<Path> files = Files.list(SNAPSHOTS)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("snapshot-"));
    } catch (IOException e) {
      return false;
    }
  }
}
