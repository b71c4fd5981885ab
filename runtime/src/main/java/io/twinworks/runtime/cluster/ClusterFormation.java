package io.twinworks.runtime.cluster;

import io.twinworks.runtime.StartupProgress;
import io.twinworks.runtime.config.ClusterSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;

/**
 * Makes this node a cluster member the configured way ({@code twinworks.cluster.discovery}): joins itself, the seed
 * nodes, or the pods Cluster Bootstrap finds through the Kubernetes API. Kubernetes needs Pekko Management started
 * first (the pods probe each other's management port).
 */
public final class ClusterFormation {

  private ClusterFormation() {}

  /** Starts joining; completes when this node is a member {@code Up}. */
  public static CompletionStage<Done> join(ActorSystem<?> system, ClusterSettings settings,
      StartupProgress progress) {
    CompletableFuture<Done> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster.get(system.classicSystem())
        .registerOnMemberUp(() -> up.complete(Done.getInstance()));
    Cluster cluster = Cluster.get(system);
    switch (settings.discovery()) {
      case SELF -> {
        progress.step("forming a single-node cluster (" + ClusterSettings.DISCOVERY + " = self)");
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
      }
      case SEED_NODES -> {
        progress.step("joining the cluster via seed nodes " + String.join(", ", settings.seedNodes())
            + " as " + settings.host() + ":" + settings.port());
        List<Address> seeds = settings.seedNodeAddresses(system.name()).stream()
            .map(AddressFromURIString::parse).toList();
        cluster.manager().tell(new JoinSeedNodes(seeds));
      }
      case KUBERNETES -> {
        progress.step("joining the cluster via Kubernetes API discovery (pods labelled "
            + settings.podLabelSelector() + ", at least " + settings.requiredContactPoints()
            + " to form a new cluster)");
        ClusterBootstrap.get(system.classicSystem()).start();
      }
    }
    return up;
  }

  /** How many members are {@code Up} as this node sees them. */
  public static long membersUp(ActorSystem<?> system) {
    return StreamSupport.stream(Cluster.get(system).state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up())
        .count();
  }
}
