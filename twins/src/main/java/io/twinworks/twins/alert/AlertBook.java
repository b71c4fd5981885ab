package io.twinworks.twins.alert;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A twin's alerts: the open one per (kind, signal), their numbering, and an outbox of changes not yet
 * confirmed by the alert hub. Mutable, owned by one twin, changed only by its event handler. Bounded:
 * one open alert per (kind, signal); the outbox keeps at most {@link #MAX_OUTBOX} changes (the oldest
 * are dropped and counted when the hub has been unreachable that long).
 */
public final class AlertBook {

  public static final int MAX_OUTBOX = 10_000;

  /** Everything, for snapshots. */
  public record State(List<Alert> open, long raised, long changes, List<AlertChange> outbox, long dropped) {}

  private final TwinId twin;
  private final Map<String, Alert> open = new LinkedHashMap<>();
  private final ArrayDeque<AlertChange> outbox = new ArrayDeque<>();
  private long raised;
  private long changes;
  private long dropped;

  public AlertBook(TwinId twin) {
    this.twin = twin;
  }

  public static AlertBook restore(TwinId twin, State state) {
    AlertBook book = new AlertBook(twin);
    state.open().forEach(alert -> book.open.put(key(alert.kind(), alert.signal()), alert));
    book.outbox.addAll(state.outbox());
    book.raised = state.raised();
    book.changes = state.changes();
    book.dropped = state.dropped();
    return book;
  }

  /** Opens an alert for a raised finding (unless one is open for its kind and signal), closes one for a cleared. */
  public void apply(Finding finding, Instant at) {
    String key = key(finding.kind(), finding.signal());
    Alert current = open.get(key);
    if (finding.change() == Change.RAISED && current == null) {
      Alert alert = new Alert(Alert.id(twin, ++raised), twin, finding.kind(), finding.severity(), finding.signal(),
          finding.value(), finding.expected(), finding.deviation(), finding.kind(), AlertState.ACTIVE, at, null, null,
          TwinTime.instant(finding.sourceTimeMicros()), finding.evidence());
      open.put(key, alert);
      record(alert);
    } else if (finding.change() == Change.CLEARED && current != null) {
      open.remove(key);
      record(current.cleared(at));
    }
  }

  /** The open alert with this id, if any. */
  public Optional<Alert> find(String alertId) {
    return open.values().stream().filter(alert -> alert.id().equals(alertId)).findFirst();
  }

  /** Acknowledges an active alert; one already acknowledged stays as it was. */
  public Optional<Alert> acknowledge(String alertId, Instant at) {
    Optional<Alert> found = find(alertId);
    if (found.isEmpty() || found.get().state() != AlertState.ACTIVE) {
      return found;
    }
    Alert acknowledged = found.get().acknowledged(at);
    open.put(key(acknowledged.kind(), acknowledged.signal()), acknowledged);
    record(acknowledged);
    return Optional.of(acknowledged);
  }

  /** Forgets the outbox changes the hub has confirmed, up to and including {@code number}. */
  public void delivered(long number) {
    while (!outbox.isEmpty() && outbox.peekFirst().number() <= number) {
      outbox.removeFirst();
    }
  }

  public List<AlertChange> undelivered() {
    return List.copyOf(outbox);
  }

  public List<Alert> open() {
    return List.copyOf(open.values());
  }

  public State state() {
    return new State(open(), raised, changes, undelivered(), dropped);
  }

  private void record(Alert alert) {
    if (outbox.size() == MAX_OUTBOX) {
      outbox.removeFirst();
      dropped++;
    }
    outbox.addLast(new AlertChange(++changes, alert));
  }

  private static String key(String kind, String signal) {
    return kind + '|' + signal;
  }
}
