package io.twinworks.twins.anomaly.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twinworks.twins.anomaly.nab.NabScorer.FileScore;
import io.twinworks.twins.anomaly.nab.NabScorer.Profile;
import io.twinworks.twins.anomaly.nab.NabScorer.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed NAB scores. σ(x) = 2 / (1 + e^(5x)) − 1; σ(−1) = 0.98661430 is the best a detection
 * can do and is scaled to the true-positive weight. Twenty rows a minute apart have a probation of
 * floor(0.15 · 20) = 3 rows; the window is rows 10..14, width 5.
 */
class NabScorerTest {

  private static final long[] ROWS = rows(20);
  private static final List<Window> WINDOW = List.of(new Window(minute(10), minute(14)));

  private static long minute(long m) {
    return m * 60_000_000L;
  }

  private static long[] rows(int count) {
    long[] rows = new long[count];
    for (int i = 0; i < count; i++) {
      rows[i] = minute(i);
    }
    return rows;
  }

  private static FileScore standard(long... detectionMinutes) {
    long[] detections = new long[detectionMinutes.length];
    for (int i = 0; i < detections.length; i++) {
      detections[i] = minute(detectionMinutes[i]);
    }
    return NabScorer.score(ROWS, WINDOW, detections, Profile.STANDARD);
  }

  @Test
  void aDetectionAtTheLeftEdgeEarnsTheWholeTruePositiveWeight() {
    // position −(14 − 10 + 1) / 5 = −1 → σ(−1) / σ(−1) · 1
    assertEquals(new FileScore(1.0, -1.0, 1.0, 1, 0, 0), standard(10));
  }

  @Test
  void aDetectionAtTheRightEndEarnsLittle() {
    // position −(14 − 14 + 1) / 5 = −0.2 → σ(−0.2) = 0.46211716 / 0.98661430 = 0.46838684
    assertEquals(0.46838684, standard(14).score(), 1e-8);
  }

  @Test
  void onlyTheEarliestDetectionInAWindowCounts() {
    // row 11: position −4 / 5 = −0.8 → σ(−0.8) = 0.96402758 / 0.98661430 = 0.97710684; row 13 adds nothing
    FileScore score = standard(11, 13);
    assertEquals(0.97710684, score.score(), 1e-8);
    assertEquals(1, score.truePositives());
    assertEquals(0, score.falsePositives());
  }

  @Test
  void aDetectionBeforeAnyWindowCostsTheFalsePositiveWeightAndTheWindowIsMissed() {
    FileScore score = standard(5); // −0.11 · 1 − 1 (the missed window)
    assertEquals(-1.11, score.score(), 1e-12);
    assertEquals(1, score.falsePositives());
    assertEquals(1, score.falseNegatives());
  }

  @Test
  void aDetectionJustAfterAWindowCostsLess() {
    // |14 − 16| / (5 − 1) = 0.5 → σ(0.5) = −0.84828364 · 0.11 = −0.09331120, and −1 for the missed window
    assertEquals(-1.09331120, standard(16).score(), 1e-8);
  }

  @Test
  void probationRowsAreNotScored() {
    assertEquals(new FileScore(-1.0, -1.0, 1.0, 0, 0, 1), standard(2)); // row 2 < 3: as if nothing fired
    assertEquals(15.0, NabScorer.probationaryLength(100)); // floor(0.15 · 100)
    assertEquals(750.0, NabScorer.probationaryLength(10_000)); // min(1500, 0.15 · 5000)
  }

  @Test
  void nabsOwnAllMetricsCase() {
    // NAB's scorer_test.testScoringAllMetrics: 100 rows, windows 30..34 and 65..69, weights 1/1/1,
    // detections at 30 (TP: +1), 31 (ignored), 37 (FP: σ(3 / 4) = −0.95404526), second window missed (−1)
    long[] rows = rows(100);
    List<Window> windows = List.of(new Window(minute(30), minute(34)), new Window(minute(65), minute(69)));
    FileScore score = NabScorer.score(rows, windows, new long[] {minute(30), minute(31), minute(37)},
        new Profile("unit", 1, 1, 1));
    assertEquals(-0.9540, score.score(), 1e-4);
    assertEquals(new FileScore(score.score(), -2, 2, 1, 1, 1), score);
  }

  @Test
  void aRepeatedTimeIsTheFirstRowWithIt() {
    long[] rows = {minute(0), minute(1), minute(2), minute(1), minute(3), minute(4), minute(5), minute(6),
        minute(7), minute(8), minute(9)};
    // probation floor(1.65) = 1 row; the window is rows 2..5 (minutes 2, 1, 3, 4), so the repeated minute 1 at
    // row 3 is inside it, but a detection at minute 1 is row 1, before it: −0.11, and −1 for the missed window
    FileScore score = NabScorer.score(rows, List.of(new Window(minute(2), minute(4))), new long[] {minute(1)},
        Profile.STANDARD);
    assertEquals(-1.11, score.score(), 1e-12);
  }

  @Test
  void theCorpusIsNormalisedBetweenNullAndPerfect() {
    List<FileScore> files = List.of(new FileScore(0.5, -1, 1, 1, 0, 0), new FileScore(-0.2, 0, 0, 0, 2, 0));
    assertEquals(65.0, NabScorer.normalized(files), 1e-12); // 100 · (0.3 + 1) / (1 + 1)
  }

  @Test
  void windowsAndDetectionsMustBeRows() {
    assertThrows(IllegalArgumentException.class, () -> NabScorer.score(ROWS,
        List.of(new Window(minute(10) + 1, minute(14))), new long[0], Profile.STANDARD));
    assertThrows(IllegalArgumentException.class, () -> NabScorer.score(ROWS, WINDOW, new long[] {1}, Profile.STANDARD));
    assertThrows(IllegalArgumentException.class, () -> NabScorer.score(ROWS,
        List.of(new Window(minute(10), minute(14)), new Window(minute(12), minute(16))), new long[0],
        Profile.STANDARD));
  }
}
