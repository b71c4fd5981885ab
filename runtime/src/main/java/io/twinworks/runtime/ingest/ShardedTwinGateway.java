package io.twinworks.runtime.ingest;

import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinConfig;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import io.twinworks.twins.Twins;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.oee.OeeBucket;
import io.twinworks.twins.oee.OeeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;

/** Reaches twins through Cluster Sharding with {@code askWithStatus}. */
public final class ShardedTwinGateway implements TwinAdmin {

  private final ActorSystem<?> system;
  private final Duration timeout;

  private final Consumer<TwinKey> configured;

  /** {@code configured} hears of every twin whose configuration was replaced. */
  public ShardedTwinGateway(ActorSystem<?> system, Duration timeout, Consumer<TwinKey> configured) {
    this.system = system;
    this.timeout = timeout;
    this.configured = configured;
  }

  @Override
  public CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings) {
    return Twins.ref(system, id, kind)
        .askWithStatus(replyTo -> new TwinCommand.RecordReadings(readings, replyTo), timeout);
  }

  @Override
  public CompletionStage<TwinView> view(TwinId id, TwinKind kind) {
    return Twins.ref(system, id, kind).askWithStatus(TwinCommand.GetTwin::new, timeout);
  }

  @Override
  public CompletionStage<Done> lost(TwinId id, TwinKind kind, Instant at, String cause) {
    return Twins.ref(system, id, kind)
        .askWithStatus(replyTo -> new TwinCommand.MarkCommunicationLost(at, cause, replyTo), timeout);
  }

  @Override
  public CompletionStage<TwinConfig> config(TwinId id, TwinKind kind) {
    return Twins.ref(system, id, kind).askWithStatus(TwinCommand.GetConfig::new, timeout);
  }

  @Override
  public CompletionStage<TwinConfig> configure(TwinId id, TwinKind kind, TwinConfig config) {
    return Twins.ref(system, id, kind)
        .<TwinConfig>askWithStatus(replyTo -> new TwinCommand.Configure(config, replyTo), timeout)
        .thenApply(stored -> {
          configured.accept(new TwinKey(id, kind));
          return stored;
        });
  }

  @Override
  public CompletionStage<Alert> acknowledge(TwinId id, TwinKind kind, String alertId, Instant at) {
    return Twins.ref(system, id, kind)
        .askWithStatus(replyTo -> new TwinCommand.AcknowledgeAlert(alertId, at, replyTo), timeout);
  }

  @Override
  public CompletionStage<List<OeeWindow>> oee(TwinId id, TwinKind kind, OeeBucket bucket, Instant from, Instant to) {
    return Twins.ref(system, id, kind)
        .askWithStatus(replyTo -> new TwinCommand.GetOee(bucket, from, to, replyTo), timeout);
  }
}
