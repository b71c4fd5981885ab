package io.twinworks.twins;

import io.twinworks.twins.BatchClassifier.Classified;
import io.twinworks.twins.TwinCommand.GetTwin;
import io.twinworks.twins.TwinCommand.RecordReadings;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The event-sourced behavior all twin kinds share; a kind differs only in its key and {@link TwinSummary}.
 */
final class TwinBehavior extends EventSourcedBehaviorWithEnforcedReplies<TwinCommand, TwinEvent, TwinState> {

  private final TwinId id;
  private final TwinKind kind;
  private final TwinSummary summary;
  private final TwinSettings settings;

  private TwinBehavior(EntityTypeKey<TwinCommand> key, TwinKind kind, TwinId id, TwinSummary summary,
      TwinSettings settings) {
    super(PersistenceId.of(key.name(), id.value()),
        SupervisorStrategy.restartWithBackoff(settings.minBackoff(), settings.maxBackoff(), settings.randomFactor()));
    this.id = id;
    this.kind = kind;
    this.summary = summary;
    this.settings = settings;
  }

  static Behavior<TwinCommand> create(EntityTypeKey<TwinCommand> key, TwinKind kind, TwinId id,
      TwinSummary summary, TwinSettings settings) {
    return Behaviors.supervise(new TwinBehavior(key, kind, id, summary, settings)).onFailure(
        SupervisorStrategy.restartWithBackoff(settings.minBackoff(), settings.maxBackoff(), settings.randomFactor()));
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
    return TwinState.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public CommandHandlerWithReply<TwinCommand, TwinEvent, TwinState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(RecordReadings.class, this::onRecordReadings)
        .onCommand(GetTwin.class, this::onGetTwin)
        .build();
  }

  @Override
  public EventHandler<TwinState, TwinEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(ReadingsRecorded.class, TwinState::recorded)
        .build();
  }

  private ReplyEffect<TwinEvent, TwinState> onRecordReadings(TwinState state, RecordReadings command) {
    Optional<String> problem = BatchValidation.problem(id, kind, command.readings());
    if (problem.isPresent()) {
      return Effect().reply(command.replyTo(), StatusReply.error(problem.get()));
    }
    Classified batch = BatchClassifier.classify(state, command.readings());
    Recorded counts = batch.counts();
    return batch.event()
        .map(event -> Effect().persist(event).thenReply(command.replyTo(), s -> StatusReply.success(counts)))
        .orElseGet(() -> Effect().reply(command.replyTo(), StatusReply.success(counts)));
  }

  private ReplyEffect<TwinEvent, TwinState> onGetTwin(TwinState state, GetTwin command) {
    return Effect().reply(command.replyTo(), StatusReply.success(state.view(id, kind, summary)));
  }
}
