package io.twinworks.runtime.bench.heap;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** How many entities of a kind run on this node now (passivated ones do not). */
final class LiveEntities {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private LiveEntities() {}

  static int count(ActorSystem<?> system, EntityTypeKey<?> key) throws Exception {
    CurrentShardRegionState state = AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery,
            CurrentShardRegionState>ask(ClusterSharding.get(system).shardState(),
            replyTo -> new GetShardRegionState(key, replyTo), TIMEOUT, system.scheduler())
        .toCompletableFuture().get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    return state.getShards().stream().mapToInt(shard -> shard.getEntityIds().size()).sum();
  }
}
