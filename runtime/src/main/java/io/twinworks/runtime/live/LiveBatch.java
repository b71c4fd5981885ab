package io.twinworks.runtime.live;

import io.twinworks.twins.CborSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one node's ingestion applied during one flush interval, as it travels to every node's dashboards: per twin
 * the latest value of each signal that changed, and the twins that were registered for the first time.
 */
public record LiveBatch(List<Delta> deltas, List<Added> added) implements CborSerializable {

  /** The latest values of one twin's signals that changed; {@code receivedAt} is when the newest was received. */
  public record Delta(String id, String kind, Map<String, Signal> signals, Instant receivedAt)
      implements CborSerializable {}

  public record Signal(double value, Instant timestamp, String quality) implements CborSerializable {}

  /** A twin the registry did not know before. */
  public record Added(String id, String kind, String tenant) implements CborSerializable {}
}
