package io.twinworks.runtime;

import com.typesafe.config.Config;
import io.twinworks.connectors.mqtt.MqttIngestSource;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.connectors.sparkplug.SparkplugSettings;
import io.twinworks.persistence.TwinworksStore;
import io.twinworks.persistence.TwinworksStores;
import io.twinworks.persistence.Upkeep;
import io.twinworks.persistence.cassandra.StoreProfile;
import io.twinworks.runtime.broker.BrokerSettings;
import io.twinworks.runtime.broker.EmbeddedBroker;
import io.twinworks.runtime.cluster.ClusterFormation;
import io.twinworks.runtime.config.RuntimeSettings;
import io.twinworks.runtime.connect.ConnectorPollers;
import io.twinworks.runtime.connect.PollerSpec;
import io.twinworks.runtime.connect.Pollers;
import io.twinworks.connectors.route.TopicRoutes;
import io.twinworks.runtime.http.ApiGuard;
import io.twinworks.runtime.http.ApiRoutes;
import io.twinworks.runtime.http.DeadLetterTenants;
import io.twinworks.runtime.http.HttpsServers;
import io.twinworks.runtime.http.DashboardRoutes;
import io.twinworks.runtime.http.HistoryQueries;
import io.twinworks.runtime.cluster.ClusterGauges;
import io.twinworks.runtime.cluster.StoreJobs;
import io.twinworks.runtime.ingest.IngestionPipeline;
import io.twinworks.runtime.live.LiveHub;
import io.twinworks.runtime.live.LiveSettings;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.runtime.sparkplug.RebirthRequests;
import io.twinworks.runtime.sparkplug.SparkplugHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Twinworks process: broker (embedded unless external), actor system and its cluster membership,
 * store, twins, ingestion, HTTP API and management. {@link #start} returns once it is ready.
 */
public final class TwinworksRuntime {

  private static final Logger log = LoggerFactory.getLogger(TwinworksRuntime.class);
  private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(20);
  private static final Duration JOIN_WAIT = Duration.ofSeconds(60);

  private final RuntimeSettings settings;
  private final ActorSystem<Void> system;
  private final TwinworksMetrics metrics;
  private final ServerBinding binding;
  private final CompletionStage<Done> stopped;

  private TwinworksRuntime(RuntimeSettings settings, ActorSystem<Void> system, TwinworksMetrics metrics,
      ServerBinding binding) {
    this.settings = settings;
    this.system = system;
    this.metrics = metrics;
    this.binding = binding;
    this.stopped = StopSignal.of(system);
  }

  public static TwinworksRuntime start(Config config, RuntimeSettings settings, StartupProgress progress) {
    createDataDir(settings);
    List<PollerSpec> pollers = ConnectorPollers.central(config); // validates the connectors' config first
    Optional<EmbeddedBroker> broker = Optional.empty();
    if (settings.usesEmbeddedBroker()) {
      progress.step("starting the embedded MQTT broker on " + settings.mqttUrl());
      broker = Optional.of(EmbeddedBroker.start(new BrokerSettings(
          settings.embeddedBroker().host(), settings.embeddedBroker().port(), settings.dataDir())));
    }
    progress.step("starting the actor system");
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "twinworks", config);
    try {
      return assemble(config, settings, system, broker, pollers, progress);
    } catch (RuntimeException | Error e) {
      system.terminate();
      awaitQuietly(system.getWhenTerminated(), Duration.ofSeconds(20));
      broker.ifPresent(EmbeddedBroker::close);
      throw e;
    }
  }

  private static TwinworksRuntime assemble(Config config, RuntimeSettings settings, ActorSystem<Void> system,
      Optional<EmbeddedBroker> broker, List<PollerSpec> pollers, StartupProgress progress) {
    // Management first: Cluster Bootstrap's pods find each other through it; /ready stays false until ingestion runs.
    await(PekkoManagement.get(system).start(), "starting management on port " + settings.management().port());
    CompletionStage<Done> memberUp = ClusterFormation.join(system, settings.cluster(), progress);

    progress.step("opening the " + StoreProfile.from(config).id() + " store");
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("twinworks.blocking-dispatcher"));
    TwinworksStore store = TwinworksStores.open(config, blocking, Upkeep.BY_CALLER);
    // Opening creates (embedded, or Cassandra with auto-create-schema) or checks the schema. Its upkeep runs once
    // per cluster, below.

    TwinworksMetrics metrics = new TwinworksMetrics();
    Clock clock = Clock.systemUTC();
    MqttSettings mqttSettings = MqttSettings.create(config.getConfig("twinworks.mqtt")).withUrl(settings.mqttUrl());
    AlertMachinery alerts = AlertMachinery.start(system, config, store, mqttSettings, metrics, clock);
    TwinMachinery machinery;
    if (SparkplugSettings.create(config).enabled()) {
      RebirthRequests rebirths = RebirthRequests.start(config, mqttSettings, clock);
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
          "sparkplug-rebirths-close", rebirths::shutdown);
      machinery = TwinMachinery.start(system, config, settings, store, alerts.hub(), metrics, clock, rebirths);
    } else {
      machinery = TwinMachinery.start(system, config, settings, store, alerts.hub(), metrics, clock);
    }
    StoreJobs.start(system, StoreJobs.of(store, clock), blocking);
    ClusterGauges.register(system, metrics);

    awaitMembership(system, memberUp, progress);
    Pollers.start(system, pollers, machinery.pollingSink());

    progress.step("connecting to MQTT at " + settings.mqttUrl());
    MqttIngestSource mqtt = MqttIngestSource.create(mqttSettings, machinery.subscriptions(mqttSettings));
    IngestionPipeline ingestion = IngestionPipeline.start(system, mqtt.source(), machinery.processor(),
        settings.ingest());
    if (machinery.sparkplug().enabled() && mqttSettings.shared()) {
      progress.step("Sparkplug B host session: one node of the cluster at a time runs it (cluster singleton, client id "
          + SparkplugHost.clientId(mqttSettings) + ")");
      SparkplugHost.start(system, mqttSettings, machinery.processor(), settings.ingest());
    }
    metrics.gauge("twinworks_mqtt_connected", "1 while the MQTT subscription is live", () -> mqtt.isSubscribed() ? 1 : 0);

    ApiRoutes api = new ApiRoutes(store.registry(), machinery.twins(), store.deadLetters(),
        new HistoryQueries(store.history(), settings.history(), clock), store.alerts(), alerts.tail(), metrics, clock,
        settings.maxPageSize(), new ApiGuard(settings.httpSecurity()), new DeadLetterTenants(TopicRoutes.fromConfig(config)),
        new DashboardRoutes(LiveHub.start(system, LiveSettings.fromConfig(config), machinery.live(), clock)));
    ServerBinding binding = await(HttpsServers.serverAt(Http.get(system), settings.http(), settings.httpSecurity())
        .bind(api.routes()), "binding HTTP on " + settings.http().host() + ":" + settings.http().port());
    progress.step("HTTP API on " + settings.httpSecurity().scheme() + "://" + settings.http().host() + ":"
        + binding.localAddress().getPort() + (settings.httpSecurity().security().enabled()
            ? " (tokens required: " + settings.httpSecurity().security().tokens().size() + " configured)"
            : " (security off: loopback only)"));

    awaitSubscription(mqtt, settings, progress);
    IngestReadiness.register(system,
        () -> mqtt.isSubscribed() && ingestion.isHealthy() && machinery.askRetries().isHealthy());

    registerShutdown(system, binding, ingestion, machinery, store, broker);
    return new TwinworksRuntime(settings, system, metrics, binding);
  }

  private static void registerShutdown(ActorSystem<Void> system, ServerBinding binding, IngestionPipeline ingestion,
      TwinMachinery machinery, TwinworksStore store, Optional<EmbeddedBroker> broker) {
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "readiness-off", () -> {
      log.info("stopping: {}", shutdown.getShutdownReason().map(String::valueOf).orElse("unknown"));
      IngestReadiness.unregister(system);
      return CompletableFuture.completedFuture(Done.getInstance());
    });
    shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "http-unbind", binding::unbind);
    // A node the cluster downed does not drain: the majority starts its twins after the removal margin (stable-after),
    // and batches still being persisted here could then write a twin's journal from two nodes.
    shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "ingestion-drain", () -> {
      machinery.askRetries().stopRetrying();
      return (downed(shutdown) ? ingestion.abandon() : ingestion.drain())
        .thenCompose(done -> machinery.directory().flush())
        .thenApply(done -> {
          log.info("stopping: ingestion {}", downed(shutdown) ? "abandoned (node downed)" : "drained");
          return done;
        });
    });
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("twinworks.blocking-dispatcher"));
    // Off the shutdown's own thread, so that the phase's timeout holds if closing blocks.
    shutdown.addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "store-close", () ->
        CompletableFuture.runAsync(() -> {
          long started = System.nanoTime();
          store.close();
          log.info("stopping: store closed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }, blocking).thenApply(v -> Done.getInstance()));
    // The broker closes inside the coordinated shutdown, after ingestion drained and its client left:
    // on SIGTERM the JVM halts once the actor system has terminated, so a close that only ran after
    // termination was cut off (journal not closed, the last acks possibly not written). Idempotent;
    // the termination hook stays for a system terminated without the coordinated shutdown.
    broker.ifPresent(b -> shutdown.addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "broker-close",
        () -> CompletableFuture.runAsync(b::close, blocking).thenApply(v -> Done.getInstance())));
    system.getWhenTerminated().thenRun(() -> broker.ifPresent(EmbeddedBroker::close));
  }

  private static boolean downed(CoordinatedShutdown shutdown) {
    return shutdown.getShutdownReason().filter(CoordinatedShutdown.clusterDowningReason()::equals).isPresent();
  }

  /** True when this node stopped because the cluster downed it (the split-brain resolver, or an operator). */
  public boolean downedByCluster() {
    return downed(CoordinatedShutdown.get(system));
  }

  public int httpPort() {
    return binding.localAddress().getPort();
  }

  public RuntimeSettings settings() {
    return settings;
  }

  public TwinworksMetrics metrics() {
    return metrics;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** Runs the coordinated shutdown: unbind HTTP, drain ingestion, leave the cluster, stop. */
  public CompletionStage<Done> stop() {
    return CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
  }

  /** When the process may exit: the actor system terminated, or its coordinated shutdown gave up waiting for that. */
  public CompletionStage<Done> whenStopped() {
    return stopped;
  }

  private static void createDataDir(RuntimeSettings settings) {
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + settings.dataDir()
          + " (twinworks.data-dir / TWINWORKS_DATA_DIR)", e);
    }
    if (!Files.isWritable(settings.dataDir())) {
      throw new IllegalStateException("the data directory " + settings.dataDir()
          + " is not writable (twinworks.data-dir / TWINWORKS_DATA_DIR)");
    }
  }

  private static <T> T await(CompletionStage<T> stage, String what) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(what + " did not finish within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }

  /**
   * Waits until this node is a member Up, so that ingestion does not start by timing out asks to twins whose shards
   * no node hosts yet. A cluster that does not answer does not stop the start: joining goes on, /ready stays false.
   */
  private static void awaitMembership(ActorSystem<Void> system, CompletionStage<Done> memberUp,
      StartupProgress progress) {
    try {
      memberUp.toCompletableFuture().get(JOIN_WAIT.toSeconds(), TimeUnit.SECONDS);
      progress.step("cluster member Up (" + ClusterFormation.membersUp(system) + " members Up)");
    } catch (java.util.concurrent.TimeoutException e) {
      progress.step("not a cluster member after " + JOIN_WAIT.toSeconds() + " s; still joining, not ready until Up");
    } catch (java.util.concurrent.ExecutionException e) {
      progress.step("joining the cluster failed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for the first live subscription so that "ready" means publishes are taken. An external
   * broker that is down does not stop the start: ingestion keeps retrying and /ready stays false.
   */
  private static void awaitSubscription(MqttIngestSource mqtt, RuntimeSettings settings, StartupProgress progress) {
    try {
      mqtt.firstSubscription().toCompletableFuture().get(SUBSCRIBE_WAIT.toSeconds(), TimeUnit.SECONDS);
      progress.step("subscribed to MQTT at " + settings.mqttUrl());
    } catch (java.util.concurrent.TimeoutException e) {
      progress.step("MQTT at " + settings.mqttUrl() + " does not answer yet; ingestion keeps retrying");
    } catch (java.util.concurrent.ExecutionException e) {
      progress.step("MQTT subscription failed (" + e.getCause().getMessage() + "); ingestion keeps retrying");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CompletionStage<?> stage, Duration timeout) {
    try {
      stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.debug("waiting for shutdown: {}", e.toString());
    }
  }
}
