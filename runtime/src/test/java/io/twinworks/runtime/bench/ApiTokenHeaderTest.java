package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokenHeaderTest {

  private static final URI TWINS = URI.create("http://127.0.0.1:8080/api/v1/twins");

  @Test
  void aTokenGoesAsABearerHeader() {
    HttpRequest request = ApiTokenHeader.authorized(HttpRequest.newBuilder(TWINS), Optional.of("tw_abc")).build();
    assertEquals(Optional.of("Bearer tw_abc"), request.headers().firstValue("Authorization"));
  }

  @Test
  void withoutATokenNothingIsSent() {
    HttpRequest request = ApiTokenHeader.authorized(HttpRequest.newBuilder(TWINS), Optional.empty()).build();
    assertTrue(request.headers().firstValue("Authorization").isEmpty());
  }
}
