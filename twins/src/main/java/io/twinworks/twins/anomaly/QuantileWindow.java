package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Quantiles of about the last {@code window} values of a signal, asked for at probabilities fixed when
 * the window is made. A window of up to {@link #EXACT_LIMIT} values keeps them all ({@link OrderedWindow}:
 * exact, about 21 bytes a value); a longer one keeps block summaries ({@link BlockQuantiles}: approximate,
 * a few hundred bytes while the probabilities are near 0 or 1).
 */
sealed interface QuantileWindow permits OrderedWindow, BlockQuantiles {

  /** The longest window kept value by value. */
  int EXACT_LIMIT = 256;

  /** The window's contents for snapshots. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Values.class, name = "values"),
      @JsonSubTypes.Type(value = BlockQuantiles.State.class, name = "blocks")})
  sealed interface State permits Values, BlockQuantiles.State {}

  /** Every value of an exact window, oldest first. */
  record Values(double[] values) implements State {}

  /** An empty window for {@code window} values, answering {@link #quantile} at {@code probabilities}. */
  static QuantileWindow of(int window, double... probabilities) {
    return window <= EXACT_LIMIT ? new OrderedWindow(window) : BlockQuantiles.forWindow(window, probabilities);
  }

  /** The window {@link #of} makes, continuing from {@code state}. */
  static QuantileWindow restore(int window, State state, double... probabilities) {
    if (state instanceof Values values) {
      return replay(window, values.values(), probabilities);
    }
    if (window <= EXACT_LIMIT) {
      throw new IllegalArgumentException(
          "a window of " + window + " values is exact and cannot continue from block summaries");
    }
    return BlockQuantiles.restore(window, (BlockQuantiles.State) state, probabilities);
  }

  /** The window {@link #of} makes, fed {@code oldestFirst}: how a snapshot of every value continues in either kind. */
  static QuantileWindow replay(int window, double[] oldestFirst, double... probabilities) {
    QuantileWindow replayed = of(window, probabilities);
    for (double value : oldestFirst) {
      replayed.add(value);
    }
    return replayed;
  }

  /** Adds a value (not NaN). */
  void add(double value);

  /** How many values the quantiles are taken from (0: none can be given yet). */
  int size();

  /** The p-quantile, p one of the window's probabilities; the window must not be empty. */
  double quantile(double p);

  /**
   * Where the values centre: the median of an exact window, the mean of a block window (a block's median
   * would need every value of it); the window must not be empty.
   */
  double centre();

  /** What {@link #centre} is: {@code median} or {@code mean}. */
  String centreName();

  State state();
}
