package io.twinworks.twins.oee;

/**
 * Where one window of a {@link WindowGrid} begins and ends. {@code shift} is the shift's name for
 * shift windows, empty otherwise; {@code recorded} is false for the stretch between two shifts,
 * which is tracked like a window (so time moves on the same way) but never reported.
 */
record Span(long startMicros, long endMicros, String shift, boolean recorded) {}
