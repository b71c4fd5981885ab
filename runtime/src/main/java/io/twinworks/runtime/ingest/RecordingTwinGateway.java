package io.twinworks.runtime.ingest;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** A gateway that adds something to recording readings and passes every other call on to {@code twins}. */
public abstract class RecordingTwinGateway implements TwinGateway {

  protected final TwinGateway twins;

  protected RecordingTwinGateway(TwinGateway twins) {
    this.twins = twins;
  }

  @Override
  public final CompletionStage<TwinView> view(TwinId id, TwinKind kind) {
    return twins.view(id, kind);
  }

  @Override
  public final CompletionStage<Done> lost(TwinId id, TwinKind kind, Instant at, String cause) {
    return twins.lost(id, kind, at, cause);
  }
}
