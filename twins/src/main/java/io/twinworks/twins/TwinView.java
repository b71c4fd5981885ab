package io.twinworks.twins;

import java.time.Instant;
import java.util.Map;

/**
 * An immutable view of a twin for queries.
 *
 * @param lastSeen receive time of the last accepted reading; {@code null} for a twin with no readings
 * @param signals latest value per signal, sorted by signal name
 * @param summary kind-specific derived figures (e.g. a pack's min/max cell voltage); may be empty
 */
public record TwinView(
    TwinId id,
    TwinKind kind,
    Instant lastSeen,
    Map<String, SignalValue> signals,
    long readings,
    long duplicates,
    long late,
    Map<String, Double> summary)
    implements CborSerializable {}
