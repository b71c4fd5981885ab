package io.twinworks.twins.alert;

/**
 * Turns a stream of scores into raise and clear decisions that do not flap: a condition is raised
 * when the score has stayed at or above {@code raiseAt} for {@code minDurationMicros} (hysteresis:
 * and cleared when it has stayed below {@code clearAt}, lower than {@code raiseAt}, for as long).
 * A duration of 0 decides on the first sample. Time is the caller's (source time), never the clock.
 *
 * <p>Mutable, owned by one twin; {@link #state()} and {@link #restore} carry it through snapshots.
 */
public final class AlertGate {

  private static final long NONE = Long.MIN_VALUE;

  private final double raiseAt;
  private final double clearAt;
  private final long minDurationMicros;
  private boolean active;
  private long pendingSinceMicros = NONE;

  /** The gate's state for snapshots. */
  public record State(boolean active, long pendingSinceMicros) {}

  public AlertGate(double raiseAt, double clearAt, long minDurationMicros) {
    if (!(clearAt <= raiseAt)) {
      throw new IllegalArgumentException("clear level " + clearAt + " must not be above raise level " + raiseAt);
    }
    if (minDurationMicros < 0) {
      throw new IllegalArgumentException("minimum duration must not be negative, was " + minDurationMicros + " µs");
    }
    this.raiseAt = raiseAt;
    this.clearAt = clearAt;
    this.minDurationMicros = minDurationMicros;
  }

  public boolean active() {
    return active;
  }

  /** Neither raised nor pending: as a new gate, which a score below the raise level leaves as it is. */
  public boolean atRest() {
    return !active && pendingSinceMicros == NONE;
  }

  /** Feeds the score of the sample at {@code timeMicros} (non-decreasing between calls). */
  public Change update(long timeMicros, double score) {
    boolean pushing = active ? score < clearAt : score >= raiseAt;
    if (!pushing) {
      pendingSinceMicros = NONE;
      return Change.NONE;
    }
    if (pendingSinceMicros == NONE) {
      pendingSinceMicros = timeMicros;
    }
    if (timeMicros - pendingSinceMicros < minDurationMicros) {
      return Change.NONE;
    }
    active = !active;
    pendingSinceMicros = NONE;
    return active ? Change.RAISED : Change.CLEARED;
  }

  public State state() {
    return new State(active, pendingSinceMicros);
  }

  public void restore(State state) {
    active = state.active();
    pendingSinceMicros = state.pendingSinceMicros();
  }
}
