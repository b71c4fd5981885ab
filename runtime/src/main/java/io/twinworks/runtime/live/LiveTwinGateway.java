package io.twinworks.runtime.live;

import io.twinworks.runtime.ingest.TwinGateway;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Hands the readings a twin has persisted to the {@link LiveFeed}, for the dashboards. */
public final class LiveTwinGateway implements TwinGateway {

  private final TwinGateway twins;
  private final LiveFeed feed;

  public LiveTwinGateway(TwinGateway twins, LiveFeed feed) {
    this.twins = twins;
    this.feed = feed;
  }

  @Override
  public CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings) {
    return twins.record(id, kind, readings).thenApply(recorded -> {
      feed.recorded(readings);
      return recorded;
    });
  }

  @Override
  public CompletionStage<TwinView> view(TwinId id, TwinKind kind) {
    return twins.view(id, kind);
  }

  @Override
  public CompletionStage<Done> lost(TwinId id, TwinKind kind, Instant at, String cause) {
    return twins.lost(id, kind, at, cause);
  }
}
