package io.twinworks.twins.oee;

/**
 * Turns the readings of a cumulative counter (a PLC's parts or rejects count) into increments. A
 * reading below the previous one means the counter was reset (PLC restart, rollover): the new
 * reading is what was counted since the reset. The first reading only sets the baseline, as what
 * it counts happened before the twin knew the machine. A negative reading is not a count and is
 * ignored. Constant memory; {@link #state()} and {@link #restore} carry it through snapshots.
 */
public final class CumulativeCounter {

  private boolean primed;
  private long last;

  /** The counter's state for snapshots: whether a baseline is known, and the last reading. */
  public record State(boolean primed, long last) {}

  /** Takes the next reading (in source-time order) and answers the increment since the previous one. */
  public long update(long reading) {
    if (reading < 0) {
      return 0;
    }
    long increment = !primed ? 0 : reading >= last ? reading - last : reading;
    primed = true;
    last = reading;
    return increment;
  }

  public State state() {
    return new State(primed, last);
  }

  public void restore(State state) {
    primed = state.primed();
    last = state.last();
  }
}
