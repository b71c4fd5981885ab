package io.twinworks.runtime;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management readiness check: ready once the HTTP API is bound, the MQTT subscription is live
 * and the last batch reached the store. Management instantiates it by class name, so the runtime registers its condition per system.
 */
public final class IngestReadiness implements Supplier<CompletionStage<Boolean>> {

  private static final Map<String, BooleanSupplier> CONDITIONS = new ConcurrentHashMap<>();

  private final String systemName;

  public IngestReadiness(ActorSystem system) {
    this.systemName = system.name() + "@" + System.identityHashCode(system);
  }

  static void register(org.apache.pekko.actor.typed.ActorSystem<?> system, BooleanSupplier ready) {
    CONDITIONS.put(key(system.classicSystem()), ready);
  }

  static void unregister(org.apache.pekko.actor.typed.ActorSystem<?> system) {
    CONDITIONS.remove(key(system.classicSystem()));
  }

  private static String key(ActorSystem system) {
    return system.name() + "@" + System.identityHashCode(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    BooleanSupplier ready = CONDITIONS.get(systemName);
    return CompletableFuture.completedFuture(ready != null && ready.getAsBoolean());
  }
}
