package io.twinworks.twins.anomaly.nab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Numenta Anomaly Benchmark's scoring of one data file, as NAB v1.1 computes it
 * ({@code nab/sweeper.py}: {@code calcSweepScore}, {@code calcScoreByThreshold}) for detections that are
 * already decided (our alerts), and the corpus normalisation of {@code nab/runner.py}.
 *
 * <ul>
 *   <li>The first {@code min(floor(0.15 · rows), 750)} rows are probation: not scored at all.
 *   <li>A labelled window is entered on the row whose time is its start and left after the first row
 *       whose time is its end. Its width is {@code right − left + 1} rows.
 *   <li>A detection at row i inside a window is worth {@code tp · σ(−(right − i + 1) / width) / σ(−1)},
 *       with σ(y) = 2 / (1 + e^(5y)) − 1; only the window's best (earliest) detection counts. A
 *       window without one costs {@code fn}.
 *   <li>A detection outside every window costs {@code fp} (σ = −1) before the first window, and
 *       {@code fp · σ((i − right) / (width − 1))} of the window before it afterwards: milder just
 *       after a window.
 *   <li>Normalised corpus score: 100 · (ΣS − ΣS_null) / (ΣS_perfect − ΣS_null), where null is no
 *       detection at all and perfect is {@code tp} per window.
 * </ul>
 *
 * Pure and deterministic: time is the rows' epoch microseconds, nothing else is read.
 */
public final class NabScorer {

  static final double PROBATION_FRACTION = 0.15;
  static final int PROBATION_CAP_ROWS = 5000;

  /** A cost matrix: the weight of a true positive, a false positive and a false negative. */
  public record Profile(String name, double tpWeight, double fpWeight, double fnWeight) {
    public static final Profile STANDARD = new Profile("standard", 1.0, 0.11, 1.0);
    public static final Profile REWARD_LOW_FP = new Profile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    public static final Profile REWARD_LOW_FN = new Profile("reward_low_FN_rate", 1.0, 0.11, 2.0);
    public static final List<Profile> ALL = List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);
  }

  /** A labelled anomaly window, both ends inclusive and both a row's time. */
  public record Window(long startMicros, long endMicros) {
    public Window {
      if (endMicros < startMicros) {
        throw new IllegalArgumentException(
            "a window ends at or after its start, was " + startMicros + ".." + endMicros);
      }
    }
  }

  /**
   * One file's result under one profile.
   *
   * @param score the file's raw NAB score
   * @param nullScore what a detector that never fires scores on it
   * @param perfectScore what a perfect detector scores on it ({@code tp} per window)
   * @param truePositives windows with at least one scored detection
   * @param falsePositives scored detections outside every window (NAB counts rows; these are alerts)
   * @param falseNegatives scored windows without a detection
   */
  public record FileScore(double score, double nullScore, double perfectScore, int truePositives,
      int falsePositives, int falseNegatives) {}

  private NabScorer() {}

  /**
   * Scores one file.
   *
   * @param rows the file's row times in file order (NAB data may repeat a time; a label or detection
   *     names the first row with its time)
   * @param windows the labelled windows, in time order, not overlapping
   * @param detections the times of the rows a detection was made on
   */
  public static FileScore score(long[] rows, List<Window> windows, long[] detections, Profile profile) {
    requireOrdered(windows);
    Map<Long, Integer> firstRow = firstRows(rows);
    boolean[] detected = new boolean[rows.length];
    for (long time : detections) {
      detected[rowOf(firstRow, time, "detection")] = true;
    }
    Sweep sweep = sweep(rows, windows, firstRow, detected, profile);
    Sweep none = sweep(rows, windows, firstRow, new boolean[rows.length], profile);
    return new FileScore(sweep.score, none.score, windows.size() * profile.tpWeight(), sweep.truePositives,
        sweep.falsePositives, sweep.scoredWindows - sweep.truePositives);
  }

  /** 100 · (ΣS − ΣS_null) / (ΣS_perfect − ΣS_null) over files scored with one profile. */
  public static double normalized(List<FileScore> files) {
    double score = files.stream().mapToDouble(FileScore::score).sum();
    double none = files.stream().mapToDouble(FileScore::nullScore).sum();
    double perfect = files.stream().mapToDouble(FileScore::perfectScore).sum();
    return 100 * (score - none) / (perfect - none);
  }

  /** Rows before this index are probation: {@code min(floor(0.15 · rows), 0.15 · 5000)}. */
  static double probationaryLength(int rows) {
    return Math.min(Math.floor(PROBATION_FRACTION * rows), PROBATION_FRACTION * PROBATION_CAP_ROWS);
  }

  /** NAB's scaled sigmoid: 2 / (1 + e^(5x)) − 1, and −1 beyond three window widths after a window. */
  static double scaledSigmoid(double relativePosition) {
    return relativePosition > 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
  }

  private static final class Sweep {
    double score;
    int truePositives;
    int falsePositives;
    int scoredWindows;
  }

  private static Sweep sweep(long[] rows, List<Window> windows, Map<Long, Integer> firstRow, boolean[] detected,
      Profile profile) {
    double probation = probationaryLength(rows.length);
    double maxTruePositive = scaledSigmoid(-1.0);
    Sweep sweep = new Sweep();
    int nextWindow = 0;
    Window current = null;
    int right = -1;
    double width = 0;
    int previousRight = -1;
    double previousWidth = 0;
    boolean scored = false;
    boolean hit = false;
    double best = 0;
    for (int i = 0; i < rows.length; i++) {
      if (nextWindow < windows.size() && rows[i] == windows.get(nextWindow).startMicros()) {
        current = windows.get(nextWindow++);
        right = rowOf(firstRow, current.endMicros(), "window end");
        width = right - rowOf(firstRow, current.startMicros(), "window start") + 1;
        scored = false;
        hit = false;
        best = -profile.fnWeight();
      }
      if (i >= probation) {
        if (current != null) {
          scored = true;
          if (detected[i]) {
            hit = true;
            best = Math.max(best, scaledSigmoid(-(right - i + 1) / width) * profile.tpWeight() / maxTruePositive);
          }
        } else if (detected[i]) {
          double unweighted = previousRight < 0 ? -1.0
              : scaledSigmoid(Math.abs(previousRight - i) / (previousWidth - 1));
          sweep.score += unweighted * profile.fpWeight();
          sweep.falsePositives++;
        }
      }
      if (current != null && rows[i] == current.endMicros()) {
        if (scored) {
          sweep.score += best;
          sweep.scoredWindows++;
          sweep.truePositives += hit ? 1 : 0;
        }
        previousRight = i;
        previousWidth = width;
        current = null;
      }
    }
    if (nextWindow < windows.size() || current != null) {
      throw new IllegalArgumentException("every window must start and end on a row's time");
    }
    return sweep;
  }

  private static Map<Long, Integer> firstRows(long[] rows) {
    Map<Long, Integer> first = new HashMap<>();
    for (int i = 0; i < rows.length; i++) {
      first.putIfAbsent(rows[i], i);
    }
    return first;
  }

  private static int rowOf(Map<Long, Integer> firstRow, long time, String what) {
    Integer row = firstRow.get(time);
    if (row == null) {
      throw new IllegalArgumentException("the " + what + " at " + time + " µs is not a row's time");
    }
    return row;
  }

  private static void requireOrdered(List<Window> windows) {
    for (int i = 1; i < windows.size(); i++) {
      if (windows.get(i).startMicros() <= windows.get(i - 1).endMicros()) {
        throw new IllegalArgumentException("windows must be in time order and not overlap: " + windows.get(i - 1)
            + " then " + windows.get(i));
      }
    }
  }
}
