package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

  @Test
  void limitDefaultsAndBounds() {
    assertEquals(100, QueryParams.limit(Optional.empty(), 100, 1000));
    assertEquals(7, QueryParams.limit(Optional.of("7"), 100, 1000));
    assertThrows(BadRequestException.class, () -> QueryParams.limit(Optional.of("0"), 100, 1000));
    assertThrows(BadRequestException.class, () -> QueryParams.limit(Optional.of("1001"), 100, 1000));
    assertThrows(BadRequestException.class, () -> QueryParams.limit(Optional.of("ten"), 100, 1000));
  }

  @Test
  void kindMustBeKnown() {
    assertEquals(Optional.of(TwinKind.BATTERY_PACK), QueryParams.kind(Optional.of("battery-pack")));
    BadRequestException e = assertThrows(BadRequestException.class, () -> QueryParams.kind(Optional.of("robot")));
    assertTrue(e.getMessage().contains("robot"));
  }

  @Test
  void injectionAndControlCharactersAreRefused() {
    assertThrows(BadRequestException.class, () -> QueryParams.tenant(Optional.of("a' OR '1'='1")));
    assertThrows(BadRequestException.class, () -> QueryParams.prefix(Optional.of("default:%")));
    BadRequestException e = assertThrows(BadRequestException.class, () -> QueryParams.twinId("default:a\u0000b"));
    assertTrue(e.getMessage().contains("invalid segment"), e.getMessage());
    assertEquals("default:line1:cnc01", QueryParams.twinId("default:line1:cnc01").value());
  }
}
