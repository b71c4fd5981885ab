package io.twinworks.runtime.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.twinworks.persistence.TwinEntry;
import io.twinworks.persistence.TwinRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.pekko.Done;

/**
 * Keeps the twin registry current from the ingestion stage. A new twin is registered durably before
 * its first readings are acknowledged; last-seen times are collected and written in batches, since
 * losing a few seconds of them on a crash costs nothing.
 */
public final class TwinDirectory {

  private static final int KNOWN_CACHE_SIZE = 1_000_000;

  private final TwinRegistry registry;
  private final Cache<TwinKey, Boolean> registered =
      Caffeine.newBuilder().maximumSize(KNOWN_CACHE_SIZE).build();
  private final Map<TwinKey, Instant> pendingLastSeen = new ConcurrentHashMap<>();

  private final Consumer<TwinKey> onRegistered;

  public TwinDirectory(TwinRegistry registry) {
    this(registry, key -> { });
  }

  /** @param onRegistered told of each twin this node registered (the first time it saw it since it started) */
  public TwinDirectory(TwinRegistry registry, Consumer<TwinKey> onRegistered) {
    this.registry = registry;
    this.onRegistered = onRegistered;
  }

  /** Completes when the twin is in the registry (at once when it is known already). */
  public CompletionStage<Done> ensureRegistered(TwinKey key, Instant seen) {
    if (registered.getIfPresent(key) != null) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return registry.register(List.of(entry(key, seen))).thenApply(done -> {
      registered.put(key, Boolean.TRUE);
      onRegistered.accept(key);
      return done;
    });
  }

  /** How many twins this node knows to be registered (about: the cache counts lazily). */
  public long known() {
    return registered.estimatedSize();
  }

  public void seen(TwinKey key, Instant at) {
    pendingLastSeen.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Writes the collected last-seen times. */
  public CompletionStage<Done> flush() {
    if (pendingLastSeen.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    List<TwinEntry> entries = new ArrayList<>();
    for (TwinKey key : List.copyOf(pendingLastSeen.keySet())) {
      Instant at = pendingLastSeen.remove(key);
      if (at != null) {
        entries.add(entry(key, at));
      }
    }
    return registry.touch(entries);
  }

  private static TwinEntry entry(TwinKey key, Instant seen) {
    return new TwinEntry(key.id(), key.kind(), key.id().tenant(), seen, seen);
  }
}
