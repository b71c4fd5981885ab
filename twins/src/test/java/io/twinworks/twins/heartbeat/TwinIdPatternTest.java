package io.twinworks.twins.heartbeat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TwinIdPatternTest {

  @Test
  void starSpansSegmentsAndQuestionMarkIsOneCharacter() {
    assertTrue(new TwinIdPattern("acme:p1:*").matches("acme:p1:r1:pk7"));
    assertTrue(new TwinIdPattern("acme:*:pk7").matches("acme:p1:r1:pk7"));
    assertTrue(new TwinIdPattern("*").matches("default:x"));
    assertTrue(new TwinIdPattern("acme:p?:r1:*").matches("acme:p2:r1:pk1"));
    assertFalse(new TwinIdPattern("acme:p1:*").matches("acme:p10:r1"), "p1: is not p10:");
    assertFalse(new TwinIdPattern("acme:p?:*").matches("acme:p12:r1"));
    assertFalse(new TwinIdPattern("acme:p1").matches("acme:p1:r1"), "without a star the whole id must match");
  }

  @Test
  void backtracksToTheLastStar() {
    assertTrue(new TwinIdPattern("*:pk7").matches("acme:pk7:r1:pk7"));
    assertFalse(new TwinIdPattern("*:pk7").matches("acme:pk7:r1:pk8"));
  }
}
