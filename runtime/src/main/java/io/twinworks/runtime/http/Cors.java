package io.twinworks.runtime.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * CORS for the configured origins only (none by default: then no CORS header is ever sent and browsers keep pages
 * of other origins out). A preflight from an allowed origin is answered here, before authentication: browsers send
 * it without the Authorization header.
 */
final class Cors extends AllDirectives {

  private static final String ORIGIN = "Origin";
  private static final String REQUEST_METHOD = "Access-Control-Request-Method";

  private final Set<String> allowed;

  Cors(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  Route handle(Supplier<Route> inner) {
    if (allowed.isEmpty()) {
      return inner.get();
    }
    return optionalHeaderValueByName(ORIGIN, origin -> origin.filter(allowed::contains)
        .map(o -> allowedOrigin(o, inner))
        .orElseGet(inner));
  }

  private Route allowedOrigin(String origin, Supplier<Route> inner) {
    return extractRequest(request -> {
      Optional<HttpHeader> preflight = request.getHeader(REQUEST_METHOD);
      if (request.method().name().equals("OPTIONS") && preflight.isPresent()) {
        return complete(HttpResponse.create().withStatus(StatusCodes.NO_CONTENT).addHeaders(List.of(
            RawHeader.create("Access-Control-Allow-Origin", origin),
            RawHeader.create("Access-Control-Allow-Methods", "GET, PUT, POST"),
            RawHeader.create("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID"),
            RawHeader.create("Access-Control-Max-Age", "600"),
            RawHeader.create("Vary", ORIGIN))));
      }
      return respondWithHeaders(List.of(
          RawHeader.create("Access-Control-Allow-Origin", origin),
          RawHeader.create("Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate"),
          RawHeader.create("Vary", ORIGIN)), inner);
    });
  }
}
