package io.twinworks.runtime.alert;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertChange;
import io.twinworks.twins.alert.DeliverAlerts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The new changes of the deliveries queued at the alert hub, taken for one append: in the order they came, each
 * at most once (a twin sends its whole outbox after every event, so its deliveries repeat each other), and up to
 * which number each twin is to be confirmed once they are logged.
 *
 * @param changes what to append, in order
 * @param twins the twins whose changes these are, with the number to confirm
 */
record AlertBatch(List<Candidate> changes, Map<TwinId, Confirmation> twins) {

  /**
   * A change to append; {@code mayBeLogged} when its twin has not been confirmed to since the hub started (or its
   * append failed), so an earlier hub may have logged it already.
   */
  record Candidate(Alert alert, boolean mayBeLogged) {}

  /** Confirm changes up to {@code upTo} to this twin. */
  record Confirmation(TwinKind kind, long upTo) {}

  AlertBatch {
    changes = List.copyOf(changes);
    twins = Collections.unmodifiableMap(new LinkedHashMap<>(twins));
  }

  boolean isEmpty() {
    return twins.isEmpty();
  }

  /**
   * Takes deliveries from the head of {@code waiting} while their new changes fit in {@code max} (the first one
   * always); deliveries with nothing new are taken and dropped.
   */
  static AlertBatch take(Deque<DeliverAlerts> waiting, RecentlyConfirmed confirmed, int max) {
    List<Candidate> changes = new ArrayList<>();
    Map<TwinId, Confirmation> twins = new LinkedHashMap<>();
    while (!waiting.isEmpty()) {
      DeliverAlerts next = waiting.peekFirst();
      OptionalLong confirmedUpTo = confirmed.get(next.twinId());
      Confirmation taken = twins.get(next.twinId());
      long known = taken != null ? taken.upTo() : confirmedUpTo.orElse(0L);
      List<AlertChange> fresh = next.changes().stream().filter(change -> change.number() > known).toList();
      if (!changes.isEmpty() && changes.size() + fresh.size() > max) {
        break;
      }
      waiting.removeFirst();
      if (fresh.isEmpty()) {
        continue;
      }
      // Only a twin not heard from since this hub started may resend changes an earlier hub logged.
      boolean mayBeLogged = confirmedUpTo.isEmpty();
      fresh.forEach(change -> changes.add(new Candidate(change.alert(), mayBeLogged)));
      twins.put(next.twinId(), new Confirmation(next.kind(), fresh.get(fresh.size() - 1).number()));
    }
    return new AlertBatch(changes, twins);
  }
}
