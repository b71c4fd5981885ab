package io.twinworks.connectors.modbus;

import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.util.List;
import java.util.Objects;

/**
 * What one poll of a device gave: its readings (good and bad), and a dead letter per read that failed.
 *
 * @param connectionProblem why the connection was lost or could not be made in this poll; empty when it was fine
 */
public record PollOutcome(List<Reading> readings, List<DeadLetter> deadLetters, String connectionProblem) {

  public PollOutcome {
    readings = List.copyOf(readings);
    deadLetters = List.copyOf(deadLetters);
    Objects.requireNonNull(connectionProblem, "connectionProblem");
  }
}
