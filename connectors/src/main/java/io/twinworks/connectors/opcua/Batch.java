package io.twinworks.connectors.opcua;

import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.util.ArrayList;
import java.util.List;

/** Readings and dead letters gathered from one publish or one read, handed to the sink together. Not thread-safe. */
final class Batch {

  final List<Reading> readings = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();

  boolean isEmpty() {
    return readings.isEmpty() && deadLetters.isEmpty();
  }
}
