package io.twinworks.runtime.cluster;

import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.Twins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.ShardRegion.ShardState;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's view of the cluster on {@code /metrics}: {@code twinworks_cluster_members{status}} and
 * {@code twinworks_cluster_unreachable_members} as this node sees them (read when scraped), and the twin shards and
 * twin entities hosted here ({@code twinworks_cluster_shards}, {@code twinworks_cluster_twins}), sampled from every
 * twin kind's shard region every {@link #SAMPLE_INTERVAL} (a region answers with every entity id it hosts, so not
 * on every scrape).
 */
public final class ClusterGauges {

  static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);
  private static final Logger log = LoggerFactory.getLogger(ClusterGauges.class);
  /** Every member status, as {@link #name} gives it. */
  static final List<String> STATUSES = List.of("joining", "weakly_up", "up", "preparing_for_shutdown",
      "ready_for_shutdown", "leaving", "exiting", "down", "removed");

  /** Shards and entities hosted here, as of the last sample. */
  record Hosted(int shards, int twins) {}

  private final ActorSystem<?> system;
  private final AtomicReference<Hosted> hosted = new AtomicReference<>(new Hosted(0, 0));

  private ClusterGauges(ActorSystem<?> system) {
    this.system = system;
  }

  /** Registers the gauges and starts sampling the shard regions (the twins must have been initialised). */
  public static ClusterGauges register(ActorSystem<?> system, TwinworksMetrics metrics) {
    return register(system, metrics, SAMPLE_INTERVAL);
  }

  static ClusterGauges register(ActorSystem<?> system, TwinworksMetrics metrics, Duration sampleEvery) {
    ClusterGauges gauges = new ClusterGauges(system);
    metrics.gauge("twinworks_cluster_members", "Cluster members by status, as this node sees them", "status",
        gauges::membersByStatus);
    metrics.gauge("twinworks_cluster_unreachable_members", "Cluster members this node cannot reach",
        () -> Cluster.get(system).state().getUnreachable().size());
    metrics.gauge("twinworks_cluster_shards", "Twin shards hosted by this node (sampled every "
        + sampleEvery.toSeconds() + " s)", () -> gauges.hosted.get().shards());
    metrics.gauge("twinworks_cluster_twins", "Twin entities running on this node (sampled every "
        + sampleEvery.toSeconds() + " s)", () -> gauges.hosted.get().twins());
    system.scheduler().scheduleWithFixedDelay(Duration.ZERO, sampleEvery, gauges::sample, system.executionContext());
    return gauges;
  }

  /** Every status with its count, so each series exists (at 0) from the start. */
  Map<String, Integer> membersByStatus() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String status : STATUSES) {
      counts.put(status, 0);
    }
    for (Member member : Cluster.get(system).state().getMembers()) {
      counts.merge(name(member.status()), 1, Integer::sum);
    }
    return counts;
  }

  Hosted hosted() {
    return hosted.get();
  }

  private void sample() {
    List<CompletableFuture<CurrentShardRegionState>> regions = new ArrayList<>();
    for (TwinKind kind : TwinKind.values()) {
      regions.add(regionState(kind).toCompletableFuture());
    }
    CompletableFuture.allOf(regions.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
      if (failure != null) {
        log.debug("sampling the twin shard regions failed; keeping the last sample: {}", failure.toString());
        return;
      }
      int shards = 0;
      int twins = 0;
      for (CompletableFuture<CurrentShardRegionState> region : regions) {
        for (ShardState shard : region.join().getShards()) {
          shards++;
          twins += shard.getEntityIds().size();
        }
      }
      hosted.set(new Hosted(shards, twins));
    });
  }

  private CompletionStage<CurrentShardRegionState> regionState(TwinKind kind) {
    return AskPattern.ask(ClusterSharding.get(system).shardState(),
        replyTo -> new GetShardRegionState(Twins.entityKey(kind), replyTo), ASK_TIMEOUT, system.scheduler());
  }

  /** {@code up}, {@code weakly_up}, {@code preparing_for_shutdown}: Prometheus-style label values. */
  static String name(MemberStatus status) {
    return status.toString().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
