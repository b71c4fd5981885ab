package io.twinworks.twins.oee;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The windows of one bucket: the open window and the last {@code limit} closed ones (older ones are
 * dropped, so memory is bounded by {@code limit + 1} tallies).
 */
final class OeeTrack {

  private final OeeBucket bucket;
  private final WindowGrid grid;
  private final int limit;
  private final Deque<WindowTally> closed = new ArrayDeque<>();
  private WindowTally open;

  OeeTrack(OeeBucket bucket, ShiftCalendar calendar, int limit) {
    this.bucket = bucket;
    this.grid = bucket.grid(calendar);
    this.limit = limit;
  }

  /** Opens the window containing {@code micros} and forgets the history (first input, or a jump). */
  void startAt(long micros) {
    closed.clear();
    open = WindowTally.open(grid.spanAt(micros));
  }

  long openEndMicros() {
    return open.endMicros();
  }

  void addTime(long plannedMicros, long runMicros) {
    open = open.plusTime(plannedMicros, runMicros);
  }

  void addCounts(long total, long defects, double idealSeconds) {
    open = open.plusCounts(total, defects, idealSeconds);
  }

  /** Closes the open window once {@code micros} reached its end and opens the next; the closed one if recorded. */
  Optional<OeeWindow> rollTo(long micros) {
    if (micros < open.endMicros()) {
      return Optional.empty();
    }
    WindowTally done = open;
    open = WindowTally.open(grid.spanAt(done.endMicros()));
    if (!done.recorded()) {
      return Optional.empty();
    }
    closed.addLast(done);
    while (closed.size() > limit) {
      closed.removeFirst();
    }
    return Optional.of(OeeWindow.of(done, bucket, false));
  }

  Optional<OeeWindow> current() {
    return open == null || !open.recorded() ? Optional.empty() : Optional.of(OeeWindow.of(open, bucket, true));
  }

  /** Closed windows overlapping {@code [from, to)}, then the open one if it does, in time order. */
  List<OeeWindow> windows(long fromMicros, long toMicros) {
    List<OeeWindow> found = new ArrayList<>();
    for (WindowTally tally : closed) {
      if (tally.overlaps(fromMicros, toMicros)) {
        found.add(OeeWindow.of(tally, bucket, false));
      }
    }
    current().filter(window -> open.overlaps(fromMicros, toMicros)).ifPresent(found::add);
    return found;
  }

  BucketState state() {
    return new BucketState(open, List.copyOf(closed));
  }

  void restore(BucketState state) {
    open = state.open();
    closed.clear();
    List<WindowTally> kept = state.closed();
    closed.addAll(kept.subList(Math.max(0, kept.size() - limit), kept.size()));
  }
}
