package io.twinworks.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.persistence.EmbeddedStore;
import io.twinworks.persistence.TwinEntry;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.history.HistoryStore;
import io.twinworks.runtime.alert.AlertStreamSettings;
import io.twinworks.runtime.alert.AlertTail;
import io.twinworks.connectors.route.TopicRoutes;
import io.twinworks.runtime.config.RuntimeSettings.Endpoint;
import io.twinworks.runtime.config.RuntimeSettings.HistorySettings;
import io.twinworks.runtime.security.HttpSecurity;
import io.twinworks.runtime.ingest.ShardedTwinGateway;
import io.twinworks.runtime.ingest.TwinGateway;
import io.twinworks.runtime.live.LiveFeed;
import io.twinworks.runtime.live.LiveHub;
import io.twinworks.runtime.live.LiveSettings;
import io.twinworks.runtime.live.LiveTwinGateway;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinSettings;
import io.twinworks.twins.Twins;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertChange;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.DeliverAlerts;
import io.twinworks.twins.alert.Severity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The HTTP API on a free loopback port over real twins (sharding on a one-node cluster, in-memory journal), a real
 * embedded H2 store (in memory) and an alert tail. Twins hand their alert changes to a minimal hub that numbers
 * them and appends them to the alert log, as the runtime's hub does. One per test class; {@link #close()} after.
 */
public final class ApiHarness implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ActorTestKit testKit;
  private final ExecutorService blocking = Executors.newFixedThreadPool(4);
  private final EmbeddedStore store;
  private final ShardedTwinGateway twins;
  private final TwinGateway recording;
  private final AlertTail tail;
  private final TwinworksMetrics metrics = new TwinworksMetrics();
  private final ServerBinding binding;
  private final HttpSecurity security;
  private final HttpClient http = HttpClient.newHttpClient();
  private long seq;

  public ApiHarness(String name) {
    this(name, "");
  }

  /** With {@code overrides} of the test configuration, e.g. a smaller subscriber buffer. */
  public ApiHarness(String name, String overrides) {
    Config config = ConfigFactory.parseString(overrides).withFallback(ConfigFactory.parseString("""
        pekko.loglevel = WARNING
        pekko.actor.provider = cluster
        pekko.remote.artery.canonical.hostname = "127.0.0.1"
        pekko.remote.artery.canonical.port = 0
        pekko.persistence.journal.plugin = "pekko.persistence.journal.inmem"
        pekko.persistence.snapshot-store.plugin = "pekko.persistence.snapshot-store.local"
        twinworks.twins.snapshot-every = 100000
        twinworks.alerts.poll-interval = 20ms
        """)).withFallback(ConfigFactory.parseMap(Map.of(
            "twinworks.store.h2.url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "pekko.persistence.snapshot-store.local.dir", System.getProperty("java.io.tmpdir") + "/" + name)))
        .withFallback(ConfigFactory.load()).resolve();
    testKit = ActorTestKit.create(name, config);
    store = EmbeddedStore.open(config, blocking);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    testKit.createTestProbe().awaitAssert(TIMEOUT, () -> {
      if (!cluster.selfMember().status().equals(MemberStatus.up())) {
        throw new AssertionError("cluster not up");
      }
      return null;
    });
    ActorRef<DeliverAlerts> hub = testKit.spawn(hub(), "alert-hub");
    Twins.init(testKit.system(), TwinSettings.create(config), hub);
    twins = new ShardedTwinGateway(testKit.system(), TIMEOUT, key -> { });
    tail = AlertTail.start(testKit.system(), store.alerts(), AlertStreamSettings.fromConfig(config));
    Clock clock = Clock.systemUTC();
    security = HttpSecurity.create(config);
    LiveSettings liveSettings = LiveSettings.fromConfig(config);
    LiveFeed live = LiveFeed.start(testKit.system(), liveSettings);
    recording = new LiveTwinGateway(twins, live);
    ApiRoutes api = new ApiRoutes(store.registry(), twins, store.deadLetters(),
        new HistoryQueries(store.history(), new HistorySettings(1000, Duration.ofHours(1), Duration.ofHours(6)), clock),
        store.alerts(), tail, metrics, clock, 1000, new ApiGuard(security),
        new DeadLetterTenants(TopicRoutes.fromConfig(config)),
        new DashboardRoutes(LiveHub.start(testKit.system(), liveSettings, live, clock)));
    binding = await(HttpsServers.serverAt(Http.get(testKit.system()), new Endpoint("127.0.0.1", 0), security)
        .bind(api.routes()));
  }

  /** Numbers each new change of a twin and appends it (one at a time, in order), then confirms it to the twin. */
  private Behavior<DeliverAlerts> hub() {
    Map<TwinId, Long> appended = new HashMap<>();
    return Behaviors.receiveMessage(delivery -> {
      long upTo = appended.getOrDefault(delivery.twinId(), 0L);
      for (AlertChange change : delivery.changes()) {
        if (change.number() > upTo) {
          append(change.alert());
          upTo = change.number();
        }
      }
      appended.put(delivery.twinId(), upTo);
      Twins.ref(testKit.system(), delivery.twinId(), delivery.kind()).tell(new TwinCommand.ConfirmAlerts(upTo));
      return Behaviors.same();
    });
  }

  /** Appends a change with the next seq; completes the append before returning. */
  public synchronized long append(Alert alert) {
    seq++;
    await(store.alerts().append(seq, alert));
    return seq;
  }

  public AlertLog alertLog() {
    return store.alerts();
  }

  public AlertTail tail() {
    return tail;
  }

  /** The metrics {@code /metrics} shows. */
  public TwinworksMetrics metrics() {
    return metrics;
  }

  public io.twinworks.persistence.DeadLetterStore deadLetters() {
    return store.deadLetters();
  }

    public HistoryStore history() {
    return store.history();
  }

  public ActorTestKit testKit() {
    return testKit;
  }

  /** Registers a twin as ingestion does before its first readings. */
  public void register(TwinId id, TwinKind kind) {
    Instant now = Instant.now();
    await(store.registry().register(List.of(TwinEntry.seen(id, kind, now))));
  }

  /** Records readings {@code (signal, value)} at {@code source}, received now; the live stream sees them. */
  public void record(TwinId id, TwinKind kind, Instant source, Map<String, Double> values) {
    Instant now = Instant.now();
    List<Reading> readings = values.entrySet().stream()
        .map(e -> new Reading(id, kind, e.getKey(), e.getValue(), Quality.GOOD, source, now, "test", 0)).toList();
    await(recording.record(id, kind, readings));
  }

  /** An alert of a twin as the twins raise them, e.g. to put straight into the log. */
  public static Alert alert(TwinId twin, long number, Severity severity, AlertState state, Instant raisedAt) {
    return new Alert(Alert.id(twin, number), twin, "threshold", severity, "temperature", 61.5, 50, 11.5,
        "threshold", state, raisedAt, state == AlertState.ACKNOWLEDGED ? raisedAt.plusSeconds(1) : null,
        state == AlertState.CLEARED ? raisedAt.plusSeconds(2) : null, raisedAt.minusMillis(100), Map.of("limit", 50.0));
  }

  public URI uri(String pathAndQuery) {
    return URI.create(security.scheme() + "://127.0.0.1:" + port() + pathAndQuery);
  }

  public int port() {
    return binding.localAddress().getPort();
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  public HttpResponse<String> post(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<String> put(String pathAndQuery, String json) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpClient client() {
    return http;
  }

  public static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  public static JsonNode json(String text) {
    try {
      return JsonResponses.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** Sends a request built on {@link #uri}, e.g. with headers of its own. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
    store.close();
    blocking.shutdown();
  }
}
