package io.twinworks.runtime.bench;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * The bearer token the bench tools send to a runtime with security on: {@code TWINWORKS_API_TOKEN} from the
 * environment (an admin token: the tools read every tenant's twins, alerts and {@code /metrics}), as {@code curl}
 * users pass it. Nothing is sent when it is unset, as a runtime with security off wants.
 */
final class ApiTokenHeader {

  static final String ENV = "TWINWORKS_API_TOKEN";
  private static final Optional<String> TOKEN = Optional.ofNullable(System.getenv(ENV)).map(String::trim)
      .filter(token -> !token.isEmpty());

  private ApiTokenHeader() {}

  /** {@code request} with {@code Authorization: Bearer <token>} when a token is set. */
  static HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return authorized(request, TOKEN);
  }

  static HttpRequest.Builder authorized(HttpRequest.Builder request, Optional<String> token) {
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return request;
  }
}
