package io.twinworks.persistence.history;

import io.twinworks.twins.Quality;
import io.twinworks.twins.TwinId;
import java.time.Instant;

/** One reading as history keeps it; (twin, signal, time) is its identity, so writing it twice is harmless. */
public record HistoryPoint(TwinId twinId, String signal, Instant time, double value, Quality quality) {}
