package io.twinworks.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigLoader;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.cluster.ClusterSettings;
import org.apache.pekko.cluster.sbr.SplitBrainResolverSettings;
import org.junit.jupiter.api.Test;

/**
 * The split-brain resolver and the failover timing as Pekko reads them from the runtime's configuration:
 * keep-majority after 5 s of stable membership ({@code ClusterPartitionIT} shows it acting on a real partition).
 */
class SplitBrainResolverConfigTest {

  private static final Config CONFIG = ConfigLoader.load(Optional.empty());

  @Test
  void theResolverIsTheDowningProvider() {
    assertEquals("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider",
        CONFIG.getString("pekko.cluster.downing-provider-class"));
  }

  @Test
  void keepMajorityDecidesAfterFiveSecondsOfStableMembership() {
    SplitBrainResolverSettings sbr = new SplitBrainResolverSettings(CONFIG);
    assertEquals(SplitBrainResolverSettings.KeepMajorityName(), sbr.DowningStrategy());
    assertEquals(Duration.ofSeconds(5), Duration.ofNanos(sbr.DowningStableAfter().toNanos()));
    assertTrue(sbr.keepMajorityRole().isEmpty(), "every node counts for the majority, whatever its role");
  }

  @Test
  void everythingIsDownedWhenMembershipDoesNotSettle() {
    SplitBrainResolverSettings sbr = new SplitBrainResolverSettings(CONFIG);
    // down-all-when-unstable = on is 3/4 of stable-after, at least 4 s: 5 s × 3/4 = 3.75 s, so 4 s
    assertEquals(Duration.ofSeconds(4), Duration.ofNanos(sbr.DownAllWhenUnstable().toNanos()));
  }

  @Test
  void theRemovalMarginIsStableAfter() {
    // Not set (zero): the resolver uses stable-after, so a partitioned-off node has downed itself and stopped its
    // shard regions before the majority moves its shards.
    ClusterSettings cluster = new ClusterSettings(CONFIG, "twinworks");
    assertEquals(0, cluster.DownRemovalMargin().toNanos());
  }

  @Test
  void gossipAndTheLeadersActionsRunEveryHalfSecond() {
    ClusterSettings cluster = new ClusterSettings(CONFIG, "twinworks");
    assertEquals(Duration.ofMillis(500), Duration.ofNanos(cluster.GossipInterval().toNanos()));
    assertEquals(Duration.ofMillis(500), Duration.ofNanos(cluster.LeaderActionsInterval().toNanos()));
    assertEquals(Duration.ofMillis(500), Duration.ofNanos(cluster.UnreachableNodesReaperInterval().toNanos()));
  }

  @Test
  void regionsAskForTheHomeOfAMovedShardEveryHalfSecond() {
    org.apache.pekko.cluster.sharding.ClusterShardingSettings sharding =
        org.apache.pekko.cluster.sharding.ClusterShardingSettings.apply(CONFIG.getConfig("pekko.cluster.sharding"));
    assertEquals(Duration.ofMillis(500), Duration.ofNanos(sharding.tuningParameters().retryInterval().toNanos()));
  }

  @Test
  void aNodeLossMovesTensOfShardsPerKindNotHundreds() {
    // Each shard a dead node held is allocated again, one coordinator update at a time.
    assertEquals(50, CONFIG.getInt("pekko.cluster.sharding.number-of-shards"));
  }

  @Test
  void aPollerStoppedByAHandOverStartsOnItsNewNodeWithinASecond() {
    assertEquals(Duration.ofSeconds(1),
        CONFIG.getDuration("pekko.cluster.sharded-daemon-process.keep-alive-interval"));
  }

  @Test
  void anEnvironmentOverlayCanMoveStableAfter() {
    Config longer = ConfigLoader.load(Optional.empty(),
        com.typesafe.config.ConfigFactory.parseString("pekko.cluster.split-brain-resolver.stable-after = 20s"));
    SplitBrainResolverSettings sbr = new SplitBrainResolverSettings(longer);
    assertEquals(Duration.ofSeconds(20), Duration.ofNanos(sbr.DowningStableAfter().toNanos()));
    // 20 s × 3/4 = 15 s
    assertEquals(Duration.ofSeconds(15), Duration.ofNanos(sbr.DownAllWhenUnstable().toNanos()));
  }
}
