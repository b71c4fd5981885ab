package io.twinworks.twins.oee;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Finding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OEE of one machine (ISO 22400) in quarter-hour, hour and shift windows, fed in source-time
 * order with the machine's readings and with {@link #advanceTo} so windows close while it is silent.
 *
 * <ul>
 *   <li>Run state ({@code run_status}/{@code state}) holds until the next state reading (forward
 *       fill); time before the first one is unknown and counted nowhere.
 *   <li>Planned busy time = calendar time minus breaks minus MAINTENANCE; run time = RUN within it.
 *       Availability = run / planned busy; performance = ideal cycle time × total count / run;
 *       quality = good / total; OEE = A × P × Q (absent ratios: see {@link OeeWindow}).
 *   <li>Counter increments ({@code cycle_count} = total, {@code defect_count} = rejects; resets
 *       handled by {@link CumulativeCounter}) belong to the window their reading arrives in.
 *   <li>An input older than the latest input time counts as arriving at the latest time: closed
 *       windows never change.
 *   <li>A jump further ahead than the history reaches (see {@link OeeHistoryLimits}) restarts the
 *       windows a history's length before the new time instead of closing every window between,
 *       so a wild timestamp costs bounded work; the dropped windows would have left the history
 *       anyway (their oee-low findings are not reported).
 * </ul>
 *
 * <p>Memory: per bucket one open window plus at most the configured history of closed ones (by
 * default 672 + 168 + 21 small tallies). Deterministic: {@link #state()} and {@link #restore}
 * continue bit for bit.
 */
public final class OeeAccumulator {

  public static final String RUN_STATUS = "run_status";
  public static final String STATE = "state";
  public static final String CYCLE_COUNT = "cycle_count";
  public static final String DEFECT_COUNT = "defect_count";

  private static final long NOT_STARTED = Long.MIN_VALUE;
  private static final long DAY_MICROS = Shift.DAY_SECONDS * Micros.PER_SECOND;

  /**
   * The complete state for snapshots.
   *
   * @param nowMicros the latest input time; {@link Long#MIN_VALUE} before the first input
   */
  public record State(
      long nowMicros,
      RunState runState,
      CumulativeCounter.State cycles,
      CumulativeCounter.State defects,
      BucketState quarterHours,
      BucketState hours,
      BucketState shifts,
      AlertGate.State oeeLow) {}

  private final OeeSettings settings;
  private final Map<OeeBucket, OeeTrack> tracks = new EnumMap<>(OeeBucket.class);
  private final CumulativeCounter cycles = new CumulativeCounter();
  private final CumulativeCounter defects = new CumulativeCounter();
  private final OeeLowWatch oeeLow;
  private final PlannedTime plannedTime;
  private final long catchUpMicros;
  private long now = NOT_STARTED;
  private RunState runState = RunState.UNKNOWN;

  public OeeAccumulator(OeeSettings settings) {
    this.settings = settings;
    for (OeeBucket bucket : OeeBucket.values()) {
      tracks.put(bucket, new OeeTrack(bucket, settings.calendar(), settings.history().of(bucket)));
    }
    this.oeeLow = new OeeLowWatch(settings.oeeLow());
    this.plannedTime = new PlannedTime(settings.calendar());
    this.catchUpMicros = settings.history().reach().toDays() * DAY_MICROS + 2 * DAY_MICROS;
  }

  /**
   * Continues from a snapshot. With changed settings the open windows finish as they began and the
   * new calendar shapes the windows after them; a shorter history drops the oldest windows.
   */
  public static OeeAccumulator restore(OeeSettings settings, State state) {
    OeeAccumulator accumulator = new OeeAccumulator(settings);
    accumulator.now = state.nowMicros();
    accumulator.runState = state.runState();
    accumulator.cycles.restore(state.cycles());
    accumulator.defects.restore(state.defects());
    accumulator.tracks.get(OeeBucket.QUARTER_HOUR).restore(state.quarterHours());
    accumulator.tracks.get(OeeBucket.HOUR).restore(state.hours());
    accumulator.tracks.get(OeeBucket.SHIFT).restore(state.shifts());
    accumulator.oeeLow.restore(state.oeeLow());
    return accumulator;
  }

  public State state() {
    return new State(now, runState, cycles.state(), defects.state(), tracks.get(OeeBucket.QUARTER_HOUR).state(),
        tracks.get(OeeBucket.HOUR).state(), tracks.get(OeeBucket.SHIFT).state(), oeeLow.state());
  }

  /** Takes any reading of the machine: the OEE signals change the figures, every reading moves time on. */
  public List<Finding> onReading(String signal, double value, long sourceMicros) {
    return switch (signal) {
      case RUN_STATUS, STATE -> onRunState(sourceMicros, value);
      case CYCLE_COUNT -> onTotalCount(sourceMicros, value);
      case DEFECT_COUNT -> onDefectCount(sourceMicros, value);
      default -> advanceTo(sourceMicros);
    };
  }

  /** A run state code (STOP=0, RUN=1, IDLE=2, MAINTENANCE=3, anything else STOP) from {@code micros} on. */
  public List<Finding> onRunState(long micros, double code) {
    List<Finding> findings = advanceTo(micros);
    runState = RunState.ofCode(code);
    return findings;
  }

  /** A reading of the cumulative parts counter ({@code cycle_count}), rounded to a whole count. */
  public List<Finding> onTotalCount(long micros, double reading) {
    List<Finding> findings = advanceTo(micros);
    long parts = cycles.update(Math.round(reading));
    if (parts > 0) {
      double idealSeconds = parts * settings.idealCycleSeconds();
      tracks.values().forEach(track -> track.addCounts(parts, 0, idealSeconds));
    }
    return findings;
  }

  /** A reading of the cumulative rejects counter ({@code defect_count}), rounded to a whole count. */
  public List<Finding> onDefectCount(long micros, double reading) {
    List<Finding> findings = advanceTo(micros);
    long rejects = defects.update(Math.round(reading));
    if (rejects > 0) {
      tracks.values().forEach(track -> track.addCounts(0, rejects, 0));
    }
    return findings;
  }

  /**
   * Moves time on to {@code micros} with the last known run state, closing every window that ends
   * on the way; answers the {@code oee-low} findings of the closed windows, in time order.
   */
  public List<Finding> advanceTo(long micros) {
    if (now == NOT_STARTED) {
      startAt(micros);
      return List.of();
    }
    if (micros <= now) {
      return List.of();
    }
    if (micros - now > catchUpMicros) {
      startAt(micros - catchUpMicros);
    }
    List<Finding> findings = new ArrayList<>(0);
    while (now < micros) {
      long next = micros;
      for (OeeTrack track : tracks.values()) {
        next = Math.min(next, track.openEndMicros());
      }
      accumulate(now, next);
      now = next;
      for (OeeTrack track : tracks.values()) {
        track.rollTo(now).flatMap(oeeLow::onClosed).ifPresent(findings::add);
      }
    }
    return findings;
  }

  /** The latest input time; {@link Long#MIN_VALUE} before the first input. */
  long nowMicros() {
    return now;
  }

  /** The window the latest input time is in (partial); empty before the first input and between shifts. */
  public Optional<OeeWindow> current(OeeBucket bucket) {
    return tracks.get(bucket).current();
  }

  /** The kept windows overlapping {@code [fromMicros, toMicros)}, oldest first, the open one last. */
  public List<OeeWindow> windows(OeeBucket bucket, long fromMicros, long toMicros) {
    return tracks.get(bucket).windows(fromMicros, toMicros);
  }

  private void startAt(long micros) {
    now = micros;
    tracks.values().forEach(track -> track.startAt(micros));
  }

  private void accumulate(long from, long to) {
    if (runState == RunState.UNKNOWN || runState == RunState.MAINTENANCE) {
      return;
    }
    long planned = plannedTime.micros(from, to);
    if (planned == 0) {
      return;
    }
    long run = runState == RunState.RUN ? planned : 0;
    tracks.values().forEach(track -> track.addTime(planned, run));
  }
}
