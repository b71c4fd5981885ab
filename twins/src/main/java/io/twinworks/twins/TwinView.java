package io.twinworks.twins;

import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.heartbeat.HealthStatus;
import io.twinworks.twins.oee.OeeWindow;
import io.twinworks.twins.time.ClockDriftEstimator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of a twin for queries.
 *
 * @param lastSeen receive time of the last accepted reading; {@code null} for a twin with no readings
 * @param signals latest value per signal, sorted by signal name
 * @param summary kind-specific derived figures (e.g. a pack's min/max cell voltage); may be empty
 * @param alerts the open (active or acknowledged) alerts
 * @param oee the current OEE window per bucket ({@code PT15M}, {@code PT1H}, {@code shift}); machines only
 * @param clock the estimated offset and drift of the source's clock against ours
 */
public record TwinView(
    TwinId id,
    TwinKind kind,
    Instant lastSeen,
    HealthStatus health,
    Map<String, SignalValue> signals,
    long readings,
    long duplicates,
    long late,
    Map<String, Double> summary,
    List<Alert> alerts,
    Map<String, OeeWindow> oee,
    ClockDriftEstimator.Estimate clock)
    implements CborSerializable {}
