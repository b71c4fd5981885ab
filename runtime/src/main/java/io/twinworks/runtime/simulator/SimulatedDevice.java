package io.twinworks.runtime.simulator;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A simulated source that emits at a fixed rate. Its values depend only on its seed and on how many
 * times it has emitted, never on the wall clock, so a seed replays the same plant.
 */
public interface SimulatedDevice {

  double hz();

  void emit(Instant at, Consumer<SimMessage> out);
}
