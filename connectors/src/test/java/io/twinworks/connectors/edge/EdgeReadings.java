package io.twinworks.connectors.edge;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;

/** Readings as a Modbus poller of an edge gateway makes them, for tests. */
final class EdgeReadings {

  static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

  private EdgeReadings() {}

  /** Poll {@code n} of a machine's signal, 100 ms after poll {@code n - 1}, value {@code n}. */
  static Reading reading(String twin, String signal, int n) {
    Instant at = START.plusMillis(100L * n);
    return new Reading(TwinId.of(twin), TwinKind.MACHINE, signal, n, Quality.GOOD, at, at, "modbus:press7", n);
  }
}
