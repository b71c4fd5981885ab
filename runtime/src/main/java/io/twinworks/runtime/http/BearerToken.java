package io.twinworks.runtime.http;

import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * The token a request presents: from {@code Authorization: Bearer <token>}, or for a GET from the
 * {@code access_token} query parameter (RFC 6750 2.3: browsers' EventSource and WebSocket cannot set headers).
 * Whoever logs a request must leave its query out, which may hold the token.
 */
final class BearerToken {

  static final String ACCESS_TOKEN = "access_token";
  private static final String SCHEME = "bearer ";

  private BearerToken() {}

  static Optional<String> of(HttpRequest request) {
    Optional<String> header = request.getHeader("Authorization").map(HttpHeader::value)
        .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
        .map(value -> value.substring(SCHEME.length()).trim());
    if (header.isPresent() || !request.method().name().equals("GET")) {
      return header;
    }
    return request.getUri().query().get(ACCESS_TOKEN);
  }
}
