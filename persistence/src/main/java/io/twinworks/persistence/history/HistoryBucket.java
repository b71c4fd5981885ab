package io.twinworks.persistence.history;

import java.time.Instant;

/** Aggregate of the points in {@code [start, start + step)}. */
public record HistoryBucket(Instant start, double min, double max, double avg, long count) {}
