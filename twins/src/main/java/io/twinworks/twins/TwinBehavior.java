package io.twinworks.twins;

import io.twinworks.twins.BatchClassifier.Classified;
import io.twinworks.twins.TwinCommand.AcknowledgeAlert;
import io.twinworks.twins.TwinCommand.CheckHeartbeat;
import io.twinworks.twins.TwinCommand.ConfirmAlerts;
import io.twinworks.twins.TwinCommand.Configure;
import io.twinworks.twins.TwinCommand.GetConfig;
import io.twinworks.twins.TwinCommand.GetOee;
import io.twinworks.twins.TwinCommand.GetTwin;
import io.twinworks.twins.TwinCommand.MarkCommunicationLost;
import io.twinworks.twins.TwinCommand.HeartbeatDue;
import io.twinworks.twins.TwinCommand.RecordReadings;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinEvent.AlertAcknowledged;
import io.twinworks.twins.TwinEvent.AlertsDelivered;
import io.twinworks.twins.TwinEvent.CommunicationLost;
import io.twinworks.twins.TwinEvent.ConfigChanged;
import io.twinworks.twins.TwinEvent.HeartbeatChecked;
import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertChange;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.DeliverAlerts;
import io.twinworks.twins.heartbeat.HealthStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The event-sourced behavior all twin kinds share; a kind differs only in its key and {@link TwinSummary}.
 */
final class TwinBehavior extends EventSourcedBehaviorWithEnforcedReplies<TwinCommand, TwinEvent, TwinState> {

  private static final Duration RESEND_AFTER = Duration.ofSeconds(5);
  /** One per settings in use: a process has one (tests a few). */
  private static final Map<TwinSettings, BackoffSupervisorStrategy> RESTARTS = new ConcurrentHashMap<>();

  private final TwinId id;
  private final TwinKind kind;
  private final TwinSummary summary;
  private final TwinSettings settings;
  private final ActorRef<DeliverAlerts> alertHub;
  /** Not persisted: the last alert change sent to the hub, and when, so that the outbox is not sent on every event. */
  private long sentUpTo;
  private long sentAtNanos;

  private TwinBehavior(EntityTypeKey<TwinCommand> key, TwinKind kind, TwinId id, TwinSummary summary,
      TwinSettings settings, ActorRef<DeliverAlerts> alertHub) {
    super(PersistenceId.of(key.name(), id.value()), restarts(settings));
    this.id = id;
    this.kind = kind;
    this.summary = summary;
    this.settings = settings;
    this.alertHub = alertHub;
  }

  /** A twin that sends its alert changes to {@code alertHub}. */
  static Behavior<TwinCommand> create(EntityTypeKey<TwinCommand> key, TwinKind kind, TwinId id,
      TwinSummary summary, TwinSettings settings, ActorRef<DeliverAlerts> alertHub) {
    return Behaviors.supervise(new TwinBehavior(key, kind, id, summary, settings, alertHub)).onFailure(
        restarts(settings));
  }

  /** The restart strategy of every twin with these settings, built once: each holds its durations (~300 B). */
  private static BackoffSupervisorStrategy restarts(TwinSettings settings) {
    return RESTARTS.computeIfAbsent(settings, s ->
        SupervisorStrategy.restartWithBackoff(s.minBackoff(), s.maxBackoff(), s.randomFactor()));
  }

  /** Registers sharding for one kind, passivating entities idle for {@link TwinSettings#idleTimeout()}. */
  static void init(ActorSystem<?> system, EntityTypeKey<TwinCommand> key,
      Function<TwinId, Behavior<TwinCommand>> create, TwinSettings settings) {
    ClusterShardingSettings sharding = ClusterShardingSettings.create(system);
    ClusterSharding.get(system).init(Entity.of(key, ctx -> create.apply(TwinId.of(ctx.getEntityId())))
        .withSettings(sharding.withPassivationStrategy(
            sharding.passivationStrategySettings().withIdleEntityPassivation(settings.idleTimeout()))));
  }

  @Override
  public TwinState emptyState() {
    return TwinState.empty(id, kind, settings.analytics());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public SnapshotAdapter<TwinState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(TwinState state) {
        return TwinSnapshot.of(state);
      }

      @Override
      public TwinState fromJournal(Object snapshot) {
        return ((TwinSnapshot) snapshot).restore(id, kind, settings.analytics());
      }
    };
  }

  @Override
  public SignalHandler<TwinState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::deliverAlerts)
        .build();
  }

  /**
   * One dispatch method, not Pekko's handler builders: a builder makes its case list, predicates and handler
   * lambdas for every entity (about 1 KB per running twin, the bench heap class histogram showed).
   */
  @Override
  public CommandHandlerWithReply<TwinCommand, TwinEvent, TwinState> commandHandler() {
    return this::onCommand;
  }

  @Override
  public EventHandler<TwinState, TwinEvent> eventHandler() {
    return this::onEvent;
  }

  private ReplyEffect<TwinEvent, TwinState> onCommand(TwinState state, TwinCommand command) {
    if (command instanceof RecordReadings c) {
      return onRecordReadings(state, c);
    } else if (command instanceof GetTwin c) {
      return onGetTwin(state, c);
    } else if (command instanceof CheckHeartbeat c) {
      return onCheckHeartbeat(state, c);
    } else if (command instanceof MarkCommunicationLost c) {
      return onMarkCommunicationLost(state, c);
    } else if (command instanceof Configure c) {
      return onConfigure(state, c);
    } else if (command instanceof GetConfig c) {
      return Effect().reply(c.replyTo(), StatusReply.success(state.config()));
    } else if (command instanceof AcknowledgeAlert c) {
      return onAcknowledgeAlert(state, c);
    } else if (command instanceof ConfirmAlerts c) {
      return onConfirmAlerts(state, c);
    } else if (command instanceof GetOee c) {
      return onGetOee(state, c);
    }
    throw new IllegalArgumentException("unknown twin command " + command.getClass().getName());
  }

  private TwinState onEvent(TwinState state, TwinEvent event) {
    if (event instanceof ReadingsRecorded e) {
      return state.recorded(e);
    } else if (event instanceof HeartbeatChecked e) {
      return state.checked(e);
    } else if (event instanceof CommunicationLost e) {
      return state.lost(e);
    } else if (event instanceof ConfigChanged e) {
      return state.configured(e, id, kind, settings.analytics());
    } else if (event instanceof AlertAcknowledged e) {
      return state.acknowledged(e);
    } else if (event instanceof AlertsDelivered e) {
      return state.delivered(e);
    }
    throw new IllegalArgumentException("unknown twin event " + event.getClass().getName());
  }

  private ReplyEffect<TwinEvent, TwinState> onRecordReadings(TwinState state, RecordReadings command) {
    Optional<String> problem = BatchValidation.problem(id, kind, command.readings());
    if (problem.isPresent()) {
      return Effect().reply(command.replyTo(), StatusReply.error(problem.get()));
    }
    Classified batch = BatchClassifier.classify(state, command.readings());
    Recorded counts = batch.counts();
    return batch.event()
        .map(event -> Effect().persist((TwinEvent) event).thenRun(this::deliverAlerts)
            .thenReply(command.replyTo(), s -> StatusReply.success(counts)))
        .orElseGet(() -> Effect().reply(command.replyTo(), StatusReply.success(counts)));
  }

  private ReplyEffect<TwinEvent, TwinState> onGetTwin(TwinState state, GetTwin command) {
    return Effect().reply(command.replyTo(), StatusReply.success(state.view(id, kind, summary)));
  }

  private ReplyEffect<TwinEvent, TwinState> onCheckHeartbeat(TwinState state, CheckHeartbeat command) {
    if (!state.analytics().silentAt(TwinTime.micros(command.now()))) {
      return Effect().reply(command.replyTo(), heartbeatDue(state));
    }
    return Effect().persist((TwinEvent) new HeartbeatChecked(command.now())).thenRun(this::deliverAlerts)
        .thenReply(command.replyTo(), this::heartbeatDue);
  }

  private ReplyEffect<TwinEvent, TwinState> onMarkCommunicationLost(TwinState state, MarkCommunicationLost command) {
    if (state.analytics().health() != HealthStatus.ONLINE) {
      return Effect().reply(command.replyTo(), StatusReply.success(Done.getInstance()));
    }
    return Effect().persist((TwinEvent) new CommunicationLost(command.at(), command.cause()))
        .thenRun(this::deliverAlerts)
        .thenReply(command.replyTo(), s -> StatusReply.success(Done.getInstance()));
  }

  private HeartbeatDue heartbeatDue(TwinState state) {
    OptionalLong deadline = state.analytics().deadlineMicros();
    return new HeartbeatDue(deadline.isPresent() ? TwinTime.instant(deadline.getAsLong()) : null,
        state.analytics().health(), state.analytics().heartbeatTimeout());
  }

  private ReplyEffect<TwinEvent, TwinState> onConfigure(TwinState state, Configure command) {
    try {
      command.config().resolve(settings.analytics(), kind, id);
    } catch (IllegalArgumentException e) {
      return Effect().reply(command.replyTo(), StatusReply.error(e.getMessage()));
    }
    return Effect().persist((TwinEvent) new ConfigChanged(command.config()))
        .thenReply(command.replyTo(), s -> StatusReply.success(s.config()));
  }

  private ReplyEffect<TwinEvent, TwinState> onAcknowledgeAlert(TwinState state, AcknowledgeAlert command) {
    Optional<Alert> open = state.alerts().find(command.alertId());
    if (open.isEmpty()) {
      return Effect().reply(command.replyTo(),
          StatusReply.error("twin '" + id + "' has no open alert '" + command.alertId() + "'"));
    }
    if (open.get().state() != AlertState.ACTIVE) {
      return Effect().reply(command.replyTo(), StatusReply.success(open.get()));
    }
    return Effect().persist((TwinEvent) new AlertAcknowledged(command.alertId(), command.at()))
        .thenRun(this::deliverAlerts)
        .thenReply(command.replyTo(), s -> StatusReply.success(s.alerts().find(command.alertId()).orElseThrow()));
  }

  private ReplyEffect<TwinEvent, TwinState> onConfirmAlerts(TwinState state, ConfirmAlerts command) {
    List<AlertChange> waiting = state.alerts().undelivered();
    if (waiting.isEmpty() || waiting.get(0).number() > command.upTo()) {
      return Effect().noReply();
    }
    return Effect().persist((TwinEvent) new AlertsDelivered(command.upTo())).thenNoReply();
  }

  private ReplyEffect<TwinEvent, TwinState> onGetOee(TwinState state, GetOee command) {
    if (kind != TwinKind.MACHINE) {
      return Effect().reply(command.replyTo(), StatusReply.error("OEE is computed for machine twins; '" + id
          + "' is a " + kind.id()));
    }
    return Effect().reply(command.replyTo(), StatusReply.success(state.analytics().oeeWindows(command.bucket(),
        TwinTime.micros(command.from()), TwinTime.micros(command.to()))));
  }

  /**
   * Sends the alert changes the hub has not confirmed yet, when there are new ones or the last send is
   * {@link #RESEND_AFTER} old (it or its confirmation was lost); the hub confirms with {@link ConfirmAlerts}.
   */
  private void deliverAlerts(TwinState state) {
    List<AlertChange> waiting = state.alerts().undelivered();
    if (waiting.isEmpty()) {
      return;
    }
    long newest = waiting.get(waiting.size() - 1).number();
    long now = System.nanoTime();
    if (newest > sentUpTo || now - sentAtNanos > RESEND_AFTER.toNanos()) {
      alertHub.tell(new DeliverAlerts(id, kind, waiting));
      sentUpTo = newest;
      sentAtNanos = now;
    }
  }
}
