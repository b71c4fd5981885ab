package io.twinworks.twins.oee;

/** One occurrence of a shift: from its start to its end (breaks included), epoch micros. */
public record ShiftWindow(long startMicros, long endMicros, String name) {}
