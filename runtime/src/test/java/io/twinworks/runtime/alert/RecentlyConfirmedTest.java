package io.twinworks.runtime.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.TwinId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecentlyConfirmedTest {

  private static final TwinId A = TwinId.of("t:a");
  private static final TwinId B = TwinId.of("t:b");
  private static final TwinId C = TwinId.of("t:c");

  @Test
  void keepsTheHighestNumberAndForgetsTheLeastRecentlyUsedTwinBeyondItsCapacity() {
    RecentlyConfirmed confirmed = new RecentlyConfirmed(2);
    confirmed.confirmed(A, 5);
    confirmed.confirmed(A, 3);
    confirmed.confirmed(B, 1);
    assertEquals(OptionalLong.of(5), confirmed.get(A));
    // A was used last, so C pushes B out.
    confirmed.confirmed(C, 7);
    assertEquals(2, confirmed.size());
    assertEquals(OptionalLong.empty(), confirmed.get(B));
    assertEquals(OptionalLong.of(5), confirmed.get(A));
    assertEquals(OptionalLong.of(7), confirmed.get(C));
    confirmed.forget(A);
    assertEquals(OptionalLong.empty(), confirmed.get(A));
    assertEquals(1, confirmed.size());
  }
}
