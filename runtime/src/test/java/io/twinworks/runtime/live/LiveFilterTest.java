package io.twinworks.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveFilterTest {

  @Test
  void aPrefixMatchesWholeSegmentsOnly() {
    LiveFilter plant = LiveFilter.NOTHING.plus(Set.of(), Set.of("acme:p1"));
    assertTrue(plant.matches("acme:p1"));
    assertTrue(plant.matches("acme:p1:r1:pk7"));
    assertFalse(plant.matches("acme:p10"), "p10 is another plant");
    assertFalse(plant.matches("acme"));
  }

  @Test
  void theEmptyPrefixMatchesEveryTwinAndNothingMatchesNone() {
    assertTrue(LiveFilter.NOTHING.plus(Set.of(), Set.of("")).matches("default:TEMP-01"));
    assertFalse(LiveFilter.NOTHING.matches("default:TEMP-01"));
  }

  @Test
  void unsubscribingRemovesOnlyWhatIsNamed() {
    LiveFilter both = LiveFilter.NOTHING.plus(Set.of("default:a", "default:b"), Set.of("acme"));
    LiveFilter less = both.minus(Set.of("default:a"), Set.of("acme"));
    assertEquals(Set.of("default:b"), less.twins());
    assertEquals(Set.of(), less.prefixes());
    assertFalse(less.matches("acme:p1"));
    assertTrue(less.matches("default:b"));
  }
}
