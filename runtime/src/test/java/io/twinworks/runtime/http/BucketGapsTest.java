package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twinworks.persistence.history.HistoryBucket;
import io.twinworks.twins.time.GapFill;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketGapsTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void linearFillDrawsAStraightLineAcrossTheGapAndMarksIt() {
    List<HistoryBucket> measured = List.of(new HistoryBucket(T, 10, 10, 10, 6),
        new HistoryBucket(T.plusSeconds(180), 40, 40, 40, 6));
    var filled = BucketGaps.fill(measured, Duration.ofMinutes(1), GapFill.Method.LINEAR);
    assertEquals(4, filled.size()); // 00:00, 00:01 and 00:02 filled, 00:03
    assertEquals(20.0, filled.get(1).avg(), 1e-9); // 10 + (40 - 10) * 1/3
    assertEquals(30.0, filled.get(2).avg(), 1e-9); // 10 + (40 - 10) * 2/3
    assertEquals(List.of(false, true, true, false), filled.stream().map(b -> b.filled()).toList());
  }

  @Test
  void theFillParameterIsReadByNameOrRefused() {
    assertEquals(Optional.empty(), BucketGaps.method(null, "temperature"));
    assertEquals(Optional.of(GapFill.Method.FORWARD), BucketGaps.method("auto", "run_status"));
    assertEquals(Optional.of(GapFill.Method.LINEAR), BucketGaps.method("auto", "temperature"));
    assertEquals(Optional.of(GapFill.Method.FORWARD), BucketGaps.method("previous", "temperature"));
    assertThrows(BadRequestException.class, () -> BucketGaps.method("spline", "temperature"));
  }
}
