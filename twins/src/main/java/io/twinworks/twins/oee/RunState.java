package io.twinworks.twins.oee;

import io.twinworks.twins.MachineSummary;

/** A machine's run state for OEE, from the numeric codes connectors map state names to. */
public enum RunState {
  /** No state reading yet: the time is neither planned busy time nor run time. */
  UNKNOWN,
  STOP,
  RUN,
  IDLE,
  /** Planned downtime: taken out of planned busy time. */
  MAINTENANCE;

  /** The state of a {@code run_status}/{@code state} value; any code but RUN, IDLE, MAINTENANCE is STOP. */
  public static RunState ofCode(double code) {
    if (code == MachineSummary.RUN) {
      return RUN;
    }
    if (code == MachineSummary.IDLE) {
      return IDLE;
    }
    if (code == MachineSummary.MAINTENANCE) {
      return MAINTENANCE;
    }
    return STOP;
  }
}
