package io.twinworks.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TwinIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme:p1:r1:pk7", "default:line1:cnc01", "default:TEMP-01", "t:a.b_c-d", "t:..a"})
  void acceptsSegmentsOfLettersDigitsDotsUnderscoresAndDashes(String id) {
    assertTrue(TwinId.isValid(id), id);
    assertEquals(id, TwinId.of(id).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "single", "acme::pk7", "acme:pk7:", ":acme:pk7", "acme:..", "acme:.", "acme:a/b",
      "acme:../etc", "acme:a b", "acme:a\u0000b", "acme:a\nb", "acme:ü", "acme:a?b", "acme:a%2Fb"})
  void rejectsBadIds(String id) {
    assertFalse(TwinId.isValid(id), id);
    assertThrows(IllegalArgumentException.class, () -> TwinId.of(id));
  }

  @Test
  void rejectsNullAndOverlongIds() {
    assertFalse(TwinId.isValid(null));
    assertFalse(TwinId.isValid("t:" + "a".repeat(TwinId.MAX_LENGTH)));
  }

  @Test
  void reasonNamesTheBadSegmentWithoutControlCharacters() {
    String problem = TwinId.problemWith("acme:a\u0007b");
    assertTrue(problem.contains("'a?b'"), problem);
  }

  @Test
  void joinsSegmentsAndGivesTheTenant() {
    TwinId id = TwinId.of("acme", "p1", "pk7");
    assertEquals("acme:p1:pk7", id.value());
    assertEquals("acme", id.tenant());
    assertEquals(List.of("acme", "p1", "pk7"), id.segments());
  }
}
