package io.twinworks.runtime.live;

import io.twinworks.runtime.ingest.RecordingTwinGateway;
import io.twinworks.runtime.ingest.TwinGateway;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Hands the readings a twin has persisted to the {@link LiveFeed}, for the dashboards. */
public final class LiveTwinGateway extends RecordingTwinGateway {

  private final LiveFeed feed;

  public LiveTwinGateway(TwinGateway twins, LiveFeed feed) {
    super(twins);
    this.feed = feed;
  }

  @Override
  public CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings) {
    return twins.record(id, kind, readings).thenApply(recorded -> {
      feed.recorded(readings);
      return recorded;
    });
  }
}
