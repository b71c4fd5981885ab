package io.twinworks.twins;

import io.twinworks.twins.alert.AlertBook;
import java.util.Map;

/** A copy of a {@link TwinState} taken in the twin's own thread, so it can be stored while the twin moves on. */
public record TwinSnapshot(
    Map<String, SignalState> signals,
    long lastSeenMicros,
    long readings,
    long duplicates,
    long late,
    TwinConfig config,
    TwinAnalytics.State analytics,
    AlertBook.State alerts)
    implements CborSerializable {

  static TwinSnapshot of(TwinState state) {
    return new TwinSnapshot(state.signals(), state.lastSeenMicros(), state.readings(), state.duplicates(),
        state.late(), state.config(), state.analytics().state(), state.alerts().state());
  }

  /** The state again; a snapshot from before analytics existed ({@code analytics} null) starts them afresh. */
  TwinState restore(TwinId id, TwinKind kind, AnalyticsDefaults defaults) {
    TwinConfig.Resolved resolved = config.resolve(defaults, kind, id);
    return new TwinState(signals, lastSeenMicros, readings, duplicates, late, config,
        analytics == null
            ? new TwinAnalytics(id, kind, defaults, resolved)
            : TwinAnalytics.restore(id, kind, defaults, resolved, analytics),
        alerts == null ? new AlertBook(id) : AlertBook.restore(id, alerts));
  }
}
