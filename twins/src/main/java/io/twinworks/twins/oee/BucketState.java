package io.twinworks.twins.oee;

import java.util.List;

/**
 * The snapshot state of one bucket's windows.
 *
 * @param open the window the latest input time is in; {@code null} only before the first input
 * @param closed closed recorded windows, oldest first, at most the configured history length
 */
public record BucketState(WindowTally open, List<WindowTally> closed) {

  public BucketState {
    closed = List.copyOf(closed);
  }
}
