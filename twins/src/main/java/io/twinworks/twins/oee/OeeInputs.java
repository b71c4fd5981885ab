package io.twinworks.twins.oee;

import java.util.Arrays;

/**
 * OEE inputs (run state and counter readings) in source-time order, equal times in arrival order, kept
 * as parallel arrays: 17 bytes an input.
 */
public final class OeeInputs {

  /** For snapshots: the inputs oldest first. */
  public record State(byte[] signals, double[] values, long[] micros) {}

  private static final String[] SIGNALS = {
      OeeAccumulator.RUN_STATUS, OeeAccumulator.STATE, OeeAccumulator.CYCLE_COUNT, OeeAccumulator.DEFECT_COUNT};

  private byte[] signals = new byte[8];
  private double[] values = new double[8];
  private long[] micros = new long[8];
  /** Inputs live in {@code [head, end)}; removing the oldest only moves head. */
  private int head;
  private int end;

  static boolean isInput(String signal) {
    return code(signal) >= 0;
  }

  int size() {
    return end - head;
  }

  String signal(int i) {
    return SIGNALS[signals[head + i]];
  }

  double value(int i) {
    return values[head + i];
  }

  long micros(int i) {
    return micros[head + i];
  }

  /** Puts the input after every kept one at the same or an earlier time. */
  void add(String signal, double value, long at) {
    if (end == micros.length) {
      makeRoom();
    }
    int i = end;
    while (i > head && micros[i - 1] > at) {
      i--;
    }
    System.arraycopy(signals, i, signals, i + 1, end - i);
    System.arraycopy(values, i, values, i + 1, end - i);
    System.arraycopy(micros, i, micros, i + 1, end - i);
    signals[i] = (byte) code(signal);
    values[i] = value;
    micros[i] = at;
    end++;
  }

  void removeOldest() {
    head++;
    if (head == end) {
      head = 0;
      end = 0;
    }
  }

  State state() {
    return new State(Arrays.copyOfRange(signals, head, end), Arrays.copyOfRange(values, head, end),
        Arrays.copyOfRange(micros, head, end));
  }

  static OeeInputs restore(State state) {
    OeeInputs inputs = new OeeInputs();
    int n = state.micros().length;
    inputs.signals = Arrays.copyOf(state.signals(), Math.max(8, n));
    inputs.values = Arrays.copyOf(state.values(), Math.max(8, n));
    inputs.micros = Arrays.copyOf(state.micros(), Math.max(8, n));
    inputs.end = n;
    return inputs;
  }

  /** Moves the kept inputs to the front, and doubles the arrays when that frees less than half. */
  private void makeRoom() {
    int n = size();
    int capacity = n * 2 > micros.length ? micros.length * 2 : micros.length;
    signals = shifted(signals, capacity);
    values = shifted(values, capacity);
    micros = shifted(micros, capacity);
    head = 0;
    end = n;
  }

  private byte[] shifted(byte[] array, int capacity) {
    byte[] next = new byte[capacity];
    System.arraycopy(array, head, next, 0, size());
    return next;
  }

  private double[] shifted(double[] array, int capacity) {
    double[] next = new double[capacity];
    System.arraycopy(array, head, next, 0, size());
    return next;
  }

  private long[] shifted(long[] array, int capacity) {
    long[] next = new long[capacity];
    System.arraycopy(array, head, next, 0, size());
    return next;
  }

  private static int code(String signal) {
    for (int i = 0; i < SIGNALS.length; i++) {
      if (SIGNALS[i].equals(signal)) {
        return i;
      }
    }
    return -1;
  }
}
