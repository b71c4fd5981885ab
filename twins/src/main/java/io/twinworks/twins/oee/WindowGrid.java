package io.twinworks.twins.oee;

/** Cuts time into the windows of one {@link OeeBucket}, deterministically from configuration. */
sealed interface WindowGrid permits ClockGrid, ShiftGrid {

  /** The window containing {@code micros}: {@code start <= micros < end}. */
  Span spanAt(long micros);
}
