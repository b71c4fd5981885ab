package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderedWindowTest {

  private static OrderedWindow window(int capacity, double... values) {
    return OrderedWindow.of(capacity, values);
  }

  @Test
  void orderStatisticsOfAFullWindow() {
    OrderedWindow w = window(5, 5, 1, 4, 2, 3); // sorted 1 2 3 4 5
    assertEquals(1, w.kth(0));
    assertEquals(5, w.kth(4));
    assertEquals(3, w.median());
    assertEquals(2, w.quantile(0.25)); // h = 4 · 0.25 = 1 → 2
    assertEquals(1.4, w.quantile(0.1), 1e-12); // h = 0.4 → 1 + 0.4 · (2 − 1)
    assertEquals(1, w.medianAbsoluteDeviation()); // |x − 3| = 2 2 1 1 0 → sorted 0 1 1 2 2 → 1
  }

  @Test
  void theOldestValueLeavesWhenFull() {
    OrderedWindow w = window(5, 5, 1, 4, 2, 3, 10); // 5 leaves: 1 4 2 3 10
    assertArrayEquals(new double[] {1, 4, 2, 3, 10}, w.values());
    assertEquals(4, w.quantile(0.75)); // sorted 1 2 3 4 10, h = 3 → 4
    assertEquals(3, w.median());
    assertEquals(1, w.medianAbsoluteDeviation()); // |x − 3| = 2 1 1 0 7 → 0 1 1 2 7 → 1
  }

  @Test
  void anEvenCountInterpolatesBetweenTheMiddleTwo() {
    OrderedWindow w = window(4, 10, 3, 1, 2); // sorted 1 2 3 10
    assertEquals(2.5, w.median()); // h = 1.5 → 2 + 0.5 · (3 − 2)
    assertEquals(1.0, w.medianAbsoluteDeviation()); // |x − 2.5| = 7.5 .5 1.5 .5 → .5 .5 1.5 7.5 → .5 + .5 · 1
  }

  @Test
  void mostlyEqualValuesHaveNoDeviation() {
    assertEquals(0, window(5, 7, 7, 8, 7, 7).medianAbsoluteDeviation()); // |x − 7| = 0 0 1 0 0
  }

  @Test
  void agreesWithSortingOnManyDuplicatesAndEvictions() {
    Random random = new Random(42);
    OrderedWindow w = new OrderedWindow(50);
    Deque<Double> naive = new ArrayDeque<>();
    for (int i = 0; i < 3000; i++) {
      double value = Math.round(random.nextGaussian() * 4) / 2.0; // many ties
      w.add(value);
      naive.addLast(value);
      if (naive.size() > 50) {
        naive.removeFirst();
      }
      double[] sorted = naive.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      for (int k = 0; k < sorted.length; k++) {
        assertEquals(sorted[k], w.kth(k), "k-th smallest after " + i + " adds");
      }
      double median = naiveQuantile(sorted, 0.5);
      assertEquals(median, w.median());
      assertEquals(naiveQuantile(sorted, 0.01), w.quantile(0.01));
      double[] deviations = Arrays.stream(sorted).map(x -> Math.abs(x - median)).sorted().toArray();
      assertEquals(naiveQuantile(deviations, 0.5), w.medianAbsoluteDeviation(), "MAD after " + i + " adds");
    }
  }

  @Test
  void rebuiltFromItsValuesItAnswersTheSame() {
    OrderedWindow w = window(6, 3, 9, 1, 4, 1, 5, 9, 2);
    OrderedWindow copy = OrderedWindow.of(6, w.values());
    copy.add(6);
    w.add(6);
    assertArrayEquals(w.values(), copy.values());
    assertEquals(w.quantile(0.3), copy.quantile(0.3));
    assertEquals(w.medianAbsoluteDeviation(), copy.medianAbsoluteDeviation());
  }

  @Test
  void refusesNanAndEmptyQueries() {
    assertThrows(IllegalArgumentException.class, () -> new OrderedWindow(3).add(Double.NaN));
    assertThrows(IllegalStateException.class, () -> new OrderedWindow(3).median());
  }

  private static double naiveQuantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
  }
}
