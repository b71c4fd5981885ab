package io.twinworks.persistence.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.Quality;
import io.twinworks.twins.TwinId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every history store must do; each store's test class supplies a fresh store. */
public abstract class HistoryStoreContract {

  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  protected abstract HistoryStore store();

  /** A twin id no other test of the same store uses. */
  protected abstract TwinId newTwin();

  @Test
  void pointsComeBackInOrderAtMicrosecondResolution() {
    TwinId twin = newTwin();
    Instant a = T0.plusNanos(1_000);
    Instant b = T0.plusNanos(2_000);
    await(store().write(List.of(point(twin, "temp", b, 2.0), point(twin, "temp", a, 1.0),
        new HistoryPoint(twin, "temp", T0, 0.5, Quality.BAD))));
    List<HistoryPoint> points = await(store().points(new HistoryQuery(twin, "temp", T0, T0.plusSeconds(1), 100)));
    assertEquals(List.of(T0, a, b), points.stream().map(HistoryPoint::time).toList());
    assertEquals(Quality.BAD, points.get(0).quality());
    assertEquals(2.0, points.get(2).value());
  }

  @Test
  void writingTheSameBatchTwiceStoresEachPointOnce() {
    TwinId twin = newTwin();
    List<HistoryPoint> batch = series(twin, "v", 120, Duration.ofSeconds(1));
    await(store().write(batch));
    await(store().write(batch));
    await(store().write(batch.subList(10, 20)));
    assertEquals(120, await(store().points(new HistoryQuery(twin, "v", T0, T0.plusSeconds(3600), 1000))).size());
    List<HistoryBucket> minutes = await(store().buckets(
        new HistoryQuery(twin, "v", T0, T0.plusSeconds(3600), 1000), Duration.ofMinutes(1)));
    assertEquals(List.of(60L, 60L), minutes.stream().map(HistoryBucket::count).toList());
  }

  @Test
  void bucketsAggregateMinMaxAvgCountFromRollupsAndRaw() {
    TwinId twin = newTwin();
    await(store().write(series(twin, "v", 7200, Duration.ofSeconds(1))));
    HistoryQuery twoHours = new HistoryQuery(twin, "v", T0, T0.plusSeconds(7200), 1000);
    for (Duration step : List.of(Duration.ofHours(1), Duration.ofMinutes(60), Duration.ofSeconds(3600))) {
      List<HistoryBucket> hours = await(store().buckets(twoHours, step));
      assertEquals(2, hours.size(), "step " + step);
      assertEquals(new HistoryBucket(T0, 0, 3599, 1799.5, 3600), hours.get(0));
      assertEquals(new HistoryBucket(T0.plusSeconds(3600), 3600, 7199, 5399.5, 3600), hours.get(1));
    }
    List<HistoryBucket> odd = await(store().buckets(twoHours, Duration.ofSeconds(90)));
    assertEquals(80, odd.size());
    assertEquals(new HistoryBucket(T0.plusSeconds(90), 90, 179, 134.5, 90), odd.get(1));
  }

  @Test
  void lateWritesLandInTheirOwnBuckets() {
    TwinId twin = newTwin();
    await(store().write(List.of(point(twin, "v", T0.plusSeconds(70), 5.0))));
    await(store().write(List.of(point(twin, "v", T0.plusSeconds(10), 1.0), point(twin, "v", T0.plusSeconds(20), 3.0))));
    List<HistoryBucket> minutes = await(store().buckets(
        new HistoryQuery(twin, "v", T0, T0.plusSeconds(120), 10), Duration.ofMinutes(1)));
    assertEquals(List.of(new HistoryBucket(T0, 1.0, 3.0, 2.0, 2), new HistoryBucket(T0.plusSeconds(60), 5, 5, 5, 1)),
        minutes);
  }

  @Test
  void signalsAndRangesAreSeparate() {
    TwinId twin = newTwin();
    await(store().write(List.of(point(twin, "a", T0, 1), point(twin, "b", T0, 2), point(twin, "a", T0.plusSeconds(5), 3))));
    assertEquals(List.of(1.0), await(store().points(new HistoryQuery(twin, "a", T0, T0.plusSeconds(5), 10)))
        .stream().map(HistoryPoint::value).toList());
    assertEquals(1, await(store().points(new HistoryQuery(twin, "b", T0, T0.plusSeconds(60), 10))).size());
    assertEquals(1, await(store().points(new HistoryQuery(twin, "a", T0, T0.plusSeconds(60), 1))).size(),
        "the limit caps the answer");
  }

  protected static List<HistoryPoint> series(TwinId twin, String signal, int count, Duration every) {
    List<HistoryPoint> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(point(twin, signal, T0.plus(every.multipliedBy(i)), i));
    }
    return points;
  }

  protected static HistoryPoint point(TwinId twin, String signal, Instant time, double value) {
    return new HistoryPoint(twin, signal, time, value, Quality.GOOD);
  }

  protected static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
