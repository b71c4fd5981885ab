package io.twinworks.twins;

import io.twinworks.twins.TwinEvent.AlertAcknowledged;
import io.twinworks.twins.TwinEvent.AlertsDelivered;
import io.twinworks.twins.TwinEvent.CommunicationLost;
import io.twinworks.twins.TwinEvent.ConfigChanged;
import io.twinworks.twins.TwinEvent.HeartbeatChecked;
import io.twinworks.twins.TwinEvent.ReadingsRecorded;
import io.twinworks.twins.alert.AlertBook;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.heartbeat.HealthStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A twin's state, rebuilt from its events. Counters are disjoint: {@code readings} counts in-order
 * readings, {@code late} the out-of-order ones also stored, {@code duplicates} those dropped in batches
 * that recorded something (an all-duplicate batch persists nothing, so it is only in its reply).
 *
 * <p>The signals and counters are immutable; {@code analytics} and {@code alerts} are mutable objects
 * that only the event handler changes (copying detector windows on every reading would cost more than
 * the detectors). They are never handed out: views and snapshots take copies ({@link TwinSnapshot}).
 *
 * @param lastSeenMicros latest receive time of a recorded reading, epoch micros, or {@link #NEVER}
 */
public record TwinState(
    Map<String, SignalState> signals,
    long lastSeenMicros,
    long readings,
    long duplicates,
    long late,
    TwinConfig config,
    TwinAnalytics analytics,
    AlertBook alerts) {

  public static final long NEVER = Long.MIN_VALUE;

  public TwinState {
    signals = Map.copyOf(signals);
  }

  static TwinState empty(TwinId id, TwinKind kind, AnalyticsDefaults defaults) {
    TwinConfig none = TwinConfig.none();
    return new TwinState(Map.of(), NEVER, 0, 0, 0, none,
        new TwinAnalytics(id, kind, defaults, none.resolve(defaults, kind, id)), new AlertBook(id));
  }

  TwinState recorded(ReadingsRecorded event) {
    Map<String, SignalState> next = new HashMap<>(signals);
    int lateCount = 0;
    for (RecordedSample sample : event.samples()) {
      next.merge(sample.signal(), SignalState.first(sample), (old, ignored) -> old.applied(sample));
      lateCount += sample.late() ? 1 : 0;
    }
    long received = TwinTime.micros(event.receivedAt());
    raise(analytics.recorded(event.samples(), received), event.receivedAt());
    return new TwinState(next, Math.max(lastSeenMicros, received), readings + event.samples().size() - lateCount,
        duplicates + event.duplicates(), late + lateCount, config, analytics, alerts);
  }

  TwinState checked(HeartbeatChecked event) {
    raise(analytics.checked(TwinTime.micros(event.at())), event.at());
    return this;
  }

  TwinState lost(CommunicationLost event) {
    raise(analytics.lost(TwinTime.micros(event.at())), event.at());
    return this;
  }

  TwinState configured(ConfigChanged event, TwinId id, TwinKind kind, AnalyticsDefaults defaults) {
    analytics.reconfigure(event.config().resolve(defaults, kind, id));
    return new TwinState(signals, lastSeenMicros, readings, duplicates, late, event.config(), analytics, alerts);
  }

  TwinState acknowledged(AlertAcknowledged event) {
    alerts.acknowledge(event.alertId(), event.at());
    return this;
  }

  TwinState delivered(AlertsDelivered event) {
    alerts.delivered(event.upTo());
    return this;
  }

  TwinView view(TwinId id, TwinKind kind, TwinSummary summary) {
    Map<String, SignalValue> values = values(signals);
    if (analytics.health() == HealthStatus.COMMUNICATION_LOSS) {
      // the last good values stay, but nobody vouches for them now
      values.replaceAll((name, v) -> new SignalValue(v.value(), v.timestamp(), Quality.UNCERTAIN));
    }
    Map<String, SignalValue> sorted = Collections.unmodifiableMap(new TreeMap<>(values));
    return new TwinView(id, kind, lastSeenMicros == NEVER ? null : TwinTime.instant(lastSeenMicros),
        analytics.health(), sorted, readings, duplicates, late,
        Collections.unmodifiableMap(new TreeMap<>(summary.of(sorted))), alerts.open(), analytics.currentOee(),
        analytics.clockEstimate());
  }

  private void raise(List<Finding> findings, Instant at) {
    findings.forEach(finding -> alerts.apply(finding, at));
  }

  private static Map<String, SignalValue> values(Map<String, SignalState> signals) {
    Map<String, SignalValue> values = new HashMap<>(signals.size() * 2);
    signals.forEach((name, signal) -> values.put(name, signal.toValue()));
    return values;
  }
}
