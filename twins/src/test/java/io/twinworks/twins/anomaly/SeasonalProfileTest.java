package io.twinworks.twins.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeasonalProfileTest {

  /** Four slots, three past periods; slot 1 gets 11 (mean of 10 and 12), 20, 14 in periods 0, 1, 2. */
  private static SeasonalProfile threePeriods() {
    SeasonalProfile profile = new SeasonalProfile(4, 3);
    profile.add(0, 1, 10);
    profile.add(0, 1, 12);
    profile.add(1, 1, 20);
    profile.add(2, 1, 14);
    profile.add(2, 2, 5);
    return profile;
  }

  @Test
  void aSlotIsExpectedAtTheMedianOfItsMeansInThePastPeriods() {
    SeasonalProfile profile = threePeriods();
    assertEquals(3, profile.collect(3, 1));
    assertEquals(14, profile.median(3)); // 11 14 20
    assertEquals(1, profile.collect(3, 2)); // only period 2 had slot 2
    assertEquals(5, profile.median(1));
    assertEquals(0, profile.collect(3, 0));
  }

  @Test
  void onlyThePeriodsJustBeforeCount() {
    SeasonalProfile profile = threePeriods();
    profile.add(3, 1, 100); // period 3's row replaces none yet: four rows hold periods 0 to 3
    assertEquals(3, profile.collect(4, 1)); // periods 1, 2, 3: 20 14 100 (period 0 is too old)
    assertEquals(20, profile.median(3));
    profile.add(4, 1, 0); // period 4's row replaces period 0's
    assertEquals(1, profile.collect(7, 1)); // periods 4 to 6: only 4 had readings
    assertEquals(0, profile.median(1));
  }

  @Test
  void aRestoredProfileExpectsTheSame() {
    SeasonalProfile original = threePeriods();
    SeasonalProfile copy = SeasonalProfile.restore(4, 3, original.state());
    original.add(3, 1, 100);
    copy.add(3, 1, 100);
    assertEquals(original.collect(4, 1), copy.collect(4, 1));
    assertEquals(original.median(3), copy.median(3));
  }

  @Test
  void aProfileOfOtherSettingsIsRefused() {
    SeasonalProfile.State state = threePeriods().state();
    assertThrows(IllegalArgumentException.class, () -> SeasonalProfile.restore(8, 3, state));
    assertThrows(IllegalArgumentException.class, () -> SeasonalProfile.restore(4, 2, state));
  }
}
