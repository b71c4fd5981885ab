package io.twinworks.twins.alert;

/** What an update did to a condition watched by an {@link AlertGate}. */
public enum Change {
  /** Nothing to tell: still normal, or still raised. */
  NONE,
  /** The condition held long enough: raise an alert. */
  RAISED,
  /** The condition went away long enough: clear the alert. */
  CLEARED
}
