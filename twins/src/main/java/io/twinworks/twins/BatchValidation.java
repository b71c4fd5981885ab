package io.twinworks.twins;

import java.util.List;
import java.util.Optional;

/** Checks a batch belongs to one twin before it is classified; a problem is a reply, not an exception. */
final class BatchValidation {

  private BatchValidation() {}

  static Optional<String> problem(TwinId id, TwinKind kind, List<Reading> readings) {
    if (readings == null) {
      return Optional.of("no readings list");
    }
    for (Reading reading : readings) {
      if (reading == null) {
        return Optional.of("batch contains a null reading");
      }
      if (!reading.twinId().equals(id) || reading.kind() != kind) {
        return Optional.of("reading for " + reading.kind() + " twin '" + reading.twinId()
            + "' sent to " + kind + " twin '" + id + "'");
      }
      if (!TwinTime.inRange(reading.sourceTime()) || !TwinTime.inRange(reading.receivedTime())) {
        return Optional.of("reading of signal '" + reading.signal() + "' has a time outside "
            + TwinTime.EARLIEST + " .. " + TwinTime.LATEST);
      }
    }
    return Optional.empty();
  }
}
