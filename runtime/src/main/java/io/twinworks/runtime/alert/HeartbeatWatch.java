package io.twinworks.runtime.alert;

import io.twinworks.persistence.TwinEntry;
import io.twinworks.persistence.TwinPage;
import io.twinworks.persistence.TwinQuery;
import io.twinworks.persistence.TwinRegistry;
import io.twinworks.runtime.ingest.TwinKey;
import io.twinworks.twins.TwinCommand.CheckHeartbeat;
import io.twinworks.twins.TwinCommand.HeartbeatDue;
import io.twinworks.twins.Twins;
import io.twinworks.twins.heartbeat.HealthStatus;
import io.twinworks.twins.heartbeat.HeartbeatPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes twins that went silent, so a twin raises communication loss even when it is passivated or its
 * node restarted: it keeps each twin's heartbeat deadline (from the readings this node ingests, and at
 * start from the registry's last-seen times), and once a second asks the twins past their deadline to
 * check. A twin answers with its own next deadline (its own timeout may differ from the policy's), or
 * none once it is lost; it is watched again when it is seen again.
 *
 * <p>In a cluster every node runs its own watch, on purpose: the twin decides for itself whether it is silent (its
 * last reading is in its own state, whichever node ingested it), so a second node asking only costs an ask, never
 * a second alert, and no node's loss leaves twins unwatched until a singleton moved. The cost: a twin whose
 * readings go to other nodes (shared subscriptions) is asked once per heartbeat timeout by each node whose
 * deadline for it ran out, and answers with its real next deadline; a lost twin costs nothing until it is seen.
 */
public final class HeartbeatWatch {

  private static final Logger log = LoggerFactory.getLogger(HeartbeatWatch.class);

  private final ActorSystem<?> system;
  private final HeartbeatPolicy policy;
  private final Clock clock;
  private final Duration askTimeout;
  private final Map<TwinKey, Instant> deadlines = new ConcurrentHashMap<>();
  private final Map<TwinKey, Boolean> checking = new ConcurrentHashMap<>();
  private final Map<TwinKey, Duration> ownTimeouts = new ConcurrentHashMap<>();

  public HeartbeatWatch(ActorSystem<?> system, HeartbeatPolicy policy, Clock clock, Duration askTimeout) {
    this.system = system;
    this.policy = policy;
    this.clock = clock;
    this.askTimeout = askTimeout;
  }

  /** A reading of the twin was persisted, received at {@code at}. */
  public void seen(TwinKey key, Instant at) {
    Instant deadline = at.plus(policy.timeoutFor(key.kind().id(), key.id().value(),
        Optional.ofNullable(ownTimeouts.get(key))));
    deadlines.merge(key, deadline, (old, next) -> next.isAfter(old) ? next : old);
  }

  /** The twin's configuration changed: check it at the next tick, and learn its timeout from its answer. */
  public void reconfigured(TwinKey key) {
    deadlines.computeIfPresent(key, (k, old) -> clock.instant());
  }

  /** Watches every twin of the registry from its last-seen time; run once at start. */
  public CompletionStage<Done> loadFrom(TwinRegistry registry) {
    return loadPage(registry, TwinQuery.all(TwinQuery.MAX_LIMIT));
  }

  private CompletionStage<Done> loadPage(TwinRegistry registry, TwinQuery query) {
    return registry.list(query).thenCompose((TwinPage page) -> {
      for (TwinEntry entry : page.items()) {
        seen(new TwinKey(entry.id(), entry.kind()), entry.lastSeen());
      }
      return page.nextCursor().isPresent()
          ? loadPage(registry, query.withCursor(page.nextCursor()))
          : CompletableFuture.completedFuture(Done.getInstance());
    });
  }

  /** Asks every twin past its deadline to check its heartbeat now. */
  public void tick() {
    Instant now = clock.instant();
    deadlines.forEach((key, deadline) -> {
      if (!now.isBefore(deadline) && checking.putIfAbsent(key, Boolean.TRUE) == null) {
        check(key, now, deadline);
      }
    });
  }

  public int watched() {
    return deadlines.size();
  }

  /** Keeps a twin's own timeout when it differs from the policy's, for deadlines of its next readings. */
  private void learn(TwinKey key, Duration timeout) {
    if (timeout.equals(policy.timeoutFor(key.kind().id(), key.id().value(), Optional.empty()))) {
      ownTimeouts.remove(key);
    } else {
      ownTimeouts.put(key, timeout);
    }
  }

  private void check(TwinKey key, Instant now, Instant watched) {
    Twins.ref(system, key.id(), key.kind())
        .<HeartbeatDue>ask(replyTo -> new CheckHeartbeat(now, replyTo), askTimeout)
        .whenComplete((due, failure) -> {
          checking.remove(key);
          if (failure != null) {
            log.debug("heartbeat check of {} failed, trying again: {}", key.id(), failure.toString());
          } else if (due.deadline() != null && due.health() == HealthStatus.ONLINE) {
            learn(key, due.timeout());
            deadlines.replace(key, watched, due.deadline());
          } else {
            deadlines.remove(key, watched); // lost (alert raised) or never seen: watched again once seen
          }
        });
  }
}
