package io.twinworks.runtime.ingest;

import io.twinworks.persistence.history.HistoryPoint;
import io.twinworks.persistence.history.HistoryStore;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Writes readings to history once their twin has persisted them, and answers only then. History rows
 * are keyed by twin, signal and source time, so readings sent again after a crash (and dropped by the
 * twin as duplicates) rewrite the same rows: each reading is in history exactly once.
 */
public final class HistoryWritingTwinGateway extends RecordingTwinGateway {

  private final HistoryStore history;

  public HistoryWritingTwinGateway(TwinGateway twins, HistoryStore history) {
    super(twins);
    this.history = history;
  }

  @Override
  public CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings) {
    return twins.record(id, kind, readings)
        .thenCompose(recorded -> history.write(points(readings)).thenApply(done -> recorded));
  }

  private static List<HistoryPoint> points(List<Reading> readings) {
    return readings.stream()
        .map(r -> new HistoryPoint(r.twinId(), r.signal(), r.sourceTime(), r.value(), r.quality()))
        .toList();
  }
}
