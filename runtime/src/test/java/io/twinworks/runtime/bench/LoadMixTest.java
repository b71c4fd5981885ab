package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --mix: kinds by weight, shared out over the twins. */
class LoadMixTest {

  @Test
  void parsesKindsAndLeavesOutTheRest() {
    assertEquals(new LoadMix(80, 15, 5), LoadMix.parse("sensors=80,machines=15,packs=5"));
    assertEquals(new LoadMix(0, 1, 1), LoadMix.parse(" machines = 1 , packs=1"));
    assertEquals(LoadMix.SENSORS_ONLY, LoadMix.parse("sensors=100"));
  }

  @Test
  void refusesWhatIsNotAMix() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("valves=3"));
    assertTrue(unknown.getMessage().contains("'valves=3'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("sensors=many"));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("sensors=-1,packs=2"));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("sensors=0"));
  }

  @Test
  void sharesExactlyWhenTheWeightsDivide() {
    assertEquals(new LoadMix.Split(80, 15, 5), new LoadMix(80, 15, 5).split(100));
    assertEquals(new LoadMix.Split(160, 30, 10), new LoadMix(80, 15, 5).split(200));
    assertEquals(new LoadMix.Split(7, 0, 0), LoadMix.SENSORS_ONLY.split(7));
  }

  @Test
  void givesLeftoversToTheLargestRemainders() {
    // 6 × 50/100 = 3; 6 × 30/100 = 1.8 → 1 r 80; 6 × 20/100 = 1.2 → 1 r 20: the one left → machines
    assertEquals(new LoadMix.Split(3, 2, 1), new LoadMix(50, 30, 20).split(6));
    // 7 × 1/3 = 2 r 1 each; one left → sensors (first on a tie)
    assertEquals(new LoadMix.Split(3, 2, 2), new LoadMix(1, 1, 1).split(7));
  }

  @Test
  void everyKindWithAWeightGetsATwin() {
    // 10 × 80/100 = 8, 10 × 15/100 = 1.5 → 1 r 50, 10 × 5/100 = 0.5 → 0 r 50: the one left → machines (first on
    // the tie) → 8/2/0; packs have a weight, so one twin moves from sensors → 7/2/1
    assertEquals(new LoadMix.Split(7, 2, 1), new LoadMix(80, 15, 5).split(10));
    assertEquals(new LoadMix.Split(1, 1, 1), new LoadMix(80, 15, 5).split(3));
    assertThrows(IllegalArgumentException.class, () -> new LoadMix(80, 15, 5).split(2));
  }
}
