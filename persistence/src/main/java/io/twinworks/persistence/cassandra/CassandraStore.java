package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.typesafe.config.Config;
import io.twinworks.persistence.DeadLetterStore;
import io.twinworks.persistence.StoreException;
import io.twinworks.persistence.StoreJob;
import io.twinworks.persistence.TwinRegistry;
import io.twinworks.persistence.TwinworksStore;
import io.twinworks.persistence.Upkeep;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.DeliveryCursors;
import io.twinworks.persistence.alert.AlertSettings;
import io.twinworks.persistence.history.HistoryStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cassandra store profile's {@link TwinworksStore}: one driver session (built from
 * {@code twinworks.cassandra.*}) for the twin registry, the dead letters, the telemetry history, the alert log and
 * the delivery cursors, plus the {@link RollupJob} every {@code twinworks.cassandra.rollup-interval} (0: never):
 * on its own timer, or, opened with {@link Upkeep#BY_CALLER}, as a {@link #jobs()} entry its opener runs (once per
 * cluster). The journal and snapshots use pekko-persistence-cassandra's
 * own session ({@link TwinworksSessionProvider}) on the same keyspace. Open it before the ActorSystem starts
 * persistent entities (it creates or checks the schema); close it after the system has terminated.
 */
public final class CassandraStore implements TwinworksStore {

  private static final Logger log = LoggerFactory.getLogger(CassandraStore.class);
  /** Requests in flight from this store at most (the driver allows 1024 per connection). */
  private static final int MAX_IN_FLIGHT = 256;

  private final CassandraSettings settings;
  private final CqlSession session;
  private final CassandraTwinRegistry registry;
  private final CassandraDeadLetterStore deadLetters;
  private final CassandraHistoryStore history;
  private final CassandraAlertLog alerts;
  private final CassandraDeliveryCursors deliveryCursors;
  private final RollupJob rollups;
  private final Optional<ScheduledExecutorService> timer;
  private final Upkeep upkeep;

  private CassandraStore(CassandraSettings settings, AlertSettings alertSettings, CqlSession session, Clock clock,
      CassandraHistoryStore.WriteMode writeMode, Upkeep upkeep) {
    this.settings = settings;
    this.session = session;
    AsyncLimiter limiter = new AsyncLimiter(MAX_IN_FLIGHT);
    String keyspace = settings.keyspace();
    this.registry = new CassandraTwinRegistry(session, keyspace, limiter);
    this.deadLetters = new CassandraDeadLetterStore(session, keyspace, settings.deadLetterTtlSeconds(), clock);
    this.history = new CassandraHistoryStore(session, keyspace, limiter, clock, writeMode);
    this.alerts = new CassandraAlertLog(session, keyspace, limiter, alertSettings, clock);
    this.deliveryCursors = new CassandraDeliveryCursors(session, keyspace);
    this.rollups = new RollupJob(session, keyspace, history, limiter, clock);
    this.upkeep = upkeep;
    this.timer = settings.rollupInterval().isZero() || upkeep == Upkeep.BY_CALLER
        ? Optional.empty() : Optional.of(startTimer());
  }

  /**
   * Connects (blocking), then applies the schema when {@code auto-create-schema} is on, otherwise checks its
   * version. Throws {@link IllegalArgumentException} for wrong settings and {@link StoreException} when Cassandra
   * cannot be reached or the schema does not fit.
   */
  public static CassandraStore open(Config config) {
    return open(config, Upkeep.OWN_TIMER);
  }

  /** As {@link #open(Config)}; with {@link Upkeep#BY_CALLER} the rollups are left to the caller ({@link #jobs()}). */
  public static CassandraStore open(Config config, Upkeep upkeep) {
    return open(config, Clock.systemUTC(), CassandraHistoryStore.WriteMode.GROUPED, upkeep);
  }

  static CassandraStore open(Config config, Clock clock, CassandraHistoryStore.WriteMode writeMode) {
    return open(config, clock, writeMode, Upkeep.OWN_TIMER);
  }

  static CassandraStore open(Config config, Clock clock, CassandraHistoryStore.WriteMode writeMode, Upkeep upkeep) {
    CassandraSettings settings = CassandraSettings.create(config);
    AlertSettings alertSettings = AlertSettings.create(config);
    CqlSession session = connect(settings, config);
    try {
      if (settings.autoCreateSchema()) {
        CassandraSchema.apply(session, settings);
      } else {
        CassandraSchema.check(session, settings);
      }
      log.info("Cassandra store open: {}", settings);
      return new CassandraStore(settings, alertSettings, session, clock, writeMode, upkeep);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /**
   * {@code bin/twinworks schema apply}: creates or upgrades the keyspace and tables of {@code config}'s settings
   * and returns the schema version now in place.
   */
  public static int applySchema(Config config) {
    CassandraSettings settings = CassandraSettings.create(config);
    try (CqlSession session = connect(settings, config)) {
      CassandraSchema.apply(session, settings);
      return CassandraSchema.version(session, settings.keyspace());
    }
  }

  /** A session without keyspace; fails fast, with the contact points in the message, when none answers. */
  static CqlSession connect(CassandraSettings settings, Config config) {
    String where = String.join(",", settings.contactPoints()) + " (" + CassandraSettings.CONTACT_POINTS_KEY + ")";
    try {
      return CassandraSessions.builder(settings, CassandraSessions.driverSection(config), false).build();
    } catch (AllNodesFailedException e) {
      boolean auth = e.getAllErrors().values().stream().flatMap(List::stream)
          .anyMatch(t -> t instanceof AuthenticationException);
      if (auth) {
        throw new StoreException("Cassandra at " + where + " refused the credentials of "
            + CassandraSettings.PREFIX + "username: " + firstLine(e), e);
      }
      throw new StoreException("cannot reach Cassandra at " + where + ": " + firstLine(e), e);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to Cassandra at " + where + ": " + firstLine(e), e);
    }
  }

  @Override
  public TwinRegistry registry() {
    return registry;
  }

  @Override
  public DeadLetterStore deadLetters() {
    return deadLetters;
  }

  @Override
  public HistoryStore history() {
    return history;
  }

  @Override
  public AlertLog alerts() {
    return alerts;
  }

  @Override
  public DeliveryCursors deliveryCursors() {
    return deliveryCursors;
  }

  /** The rollups every {@code rollup-interval}, when opened with {@link Upkeep#BY_CALLER} and the interval is not 0. */
  @Override
  public List<StoreJob> jobs() {
    return upkeep == Upkeep.BY_CALLER && !settings.rollupInterval().isZero()
        ? List.of(new StoreJob("rollups", settings.rollupInterval(), this::runRollups))
        : List.of();
  }

  /** The rollup pass; call {@link RollupJob#runOnce()} periodically when {@code rollup-interval = 0}. */
  public RollupJob rollups() {
    return rollups;
  }

  public CassandraSettings settings() {
    return settings;
  }

  public CqlSession session() {
    return session;
  }

  /** Stops the rollup timer (waiting for a running pass) and closes the session. */
  @Override
  public void close() {
    timer.ifPresent(t -> {
      t.shutdown();
      try {
        if (!t.awaitTermination(30, TimeUnit.SECONDS)) {
          t.shutdownNow();
        }
      } catch (InterruptedException e) {
        t.shutdownNow();
        Thread.currentThread().interrupt();
      }
    });
    session.close();
  }

  private ScheduledExecutorService startTimer() {
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "twinworks-rollups");
      thread.setDaemon(true);
      return thread;
    });
    long every = settings.rollupInterval().toMillis();
    t.scheduleWithFixedDelay(this::runRollups, every, every, TimeUnit.MILLISECONDS);
    return t;
  }

  private void runRollups() {
    try {
      rollups.runOnce();
    } catch (RuntimeException e) {
      // The next pass retries; reads stay exact meanwhile (dirty minutes are aggregated from raw points).
      log.warn("telemetry rollup pass failed, retrying in {}: {}", settings.rollupInterval(), e.getMessage());
    }
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
