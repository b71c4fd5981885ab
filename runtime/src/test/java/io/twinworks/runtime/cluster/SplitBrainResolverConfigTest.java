package io.twinworks.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigLoader;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.cluster.sbr.SplitBrainResolverSettings;
import org.junit.jupiter.api.Test;

/**
 * The split-brain resolver and the failover timing as Pekko reads them from the runtime's configuration:
 * keep-majority after 7 s of stable membership ({@code ClusterPartitionIT} shows it acting on a real partition).
 */
class SplitBrainResolverConfigTest {

  private static final Config CONFIG = ConfigLoader.load(Optional.empty());

  @Test
  void theResolverIsTheDowningProvider() {
    assertEquals("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider",
        CONFIG.getString("pekko.cluster.downing-provider-class"));
  }

  @Test
  void keepMajorityDecidesAfterSevenSecondsOfStableMembership() {
    SplitBrainResolverSettings sbr = new SplitBrainResolverSettings(CONFIG);
    assertEquals(SplitBrainResolverSettings.KeepMajorityName(), sbr.DowningStrategy());
    assertEquals(Duration.ofSeconds(7), Duration.ofNanos(sbr.DowningStableAfter().toNanos()));
    assertTrue(sbr.keepMajorityRole().isEmpty(), "every node counts for the majority, whatever its role");
  }

  @Test
  void everythingIsDownedWhenMembershipDoesNotSettle() {
    SplitBrainResolverSettings sbr = new SplitBrainResolverSettings(CONFIG);
    // down-all-when-unstable = on is 3/4 of stable-after, at least 4 s: 7 s × 3/4 = 5.25 s
    assertEquals(Duration.ofMillis(5250), Duration.ofNanos(sbr.DownAllWhenUnstable().toNanos()));
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
    assertEquals(100, CONFIG.getInt("pekko.cluster.sharding.number-of-shards"));
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
