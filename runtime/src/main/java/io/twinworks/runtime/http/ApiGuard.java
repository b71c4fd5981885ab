package io.twinworks.runtime.http;

import io.twinworks.runtime.http.RouteCatalog.Access;
import io.twinworks.runtime.http.RouteCatalog.Match;
import io.twinworks.runtime.security.HttpSecurity;
import io.twinworks.runtime.security.Principal;
import io.twinworks.runtime.security.RateLimiter;
import io.twinworks.runtime.security.TokenVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the whole route tree: a request reaches a handler only if its route is in {@link RouteCatalog}, it carries a
 * valid token (unless the route is public or security is off), the token's access allows the route, its rate limit
 * has room and its body is within the size limit. The handler gets the {@link Principal} to scope its answer.
 * Around it all: CORS (closed unless origins are configured) and HSTS when TLS is on.
 */
public final class ApiGuard extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(ApiGuard.class);
  private static final HttpHeader HSTS = RawHeader.create("Strict-Transport-Security", "max-age=31536000");

  private final HttpSecurity settings;
  private final TokenVerifier verifier;
  private final RateLimiter rateLimiter;
  private final Cors cors;

  public ApiGuard(HttpSecurity settings) {
    this.settings = settings;
    this.verifier = new TokenVerifier(settings.security().tokens());
    this.rateLimiter = RateLimiter.systemClock(settings.security().rateLimit());
    this.cors = new Cors(settings.corsOrigins());
  }

  public Route protect(Function<Principal, Route> routes) {
    Route guarded = cors.handle(() -> extractRequest(request -> guard(request, routes)));
    return settings.tls().isPresent() ? respondWithDefaultHeaders(List.of(HSTS), () -> guarded) : guarded;
  }

  private Route guard(HttpRequest request, Function<Principal, Route> routes) {
    String method = request.method().name();
    List<String> segments = StreamSupport.stream(request.getUri().pathSegments().spliterator(), false)
        .filter(s -> !s.isEmpty()).toList();
    Match match = RouteCatalog.match(method, segments);
    if (match instanceof Match.Unknown) {
      return complete(JsonResponses.notFound("no such resource; see /api/v1 in the README"));
    }
    if (match instanceof Match.OtherMethods other) {
      return complete(JsonResponses.error(StatusCodes.METHOD_NOT_ALLOWED, "method-not-allowed",
          method + " is not supported here; use " + String.join(" or ", other.allowed()))
          .addHeader(RawHeader.create("Allow", String.join(", ", other.allowed()))));
    }
    RouteCatalog.Entry entry = ((Match.Found) match).entry();
    if (!settings.security().enabled()) {
      return limited(request, routes.apply(Principal.UNSECURED));
    }
    if (entry.access() == Access.PUBLIC) {
      return limited(request, routes.apply(Principal.PUBLIC));
    }
    return authenticate(request).map(principal -> authorized(request, entry, principal, routes))
        .orElseGet(() -> unauthorized(request));
  }

  private Route authorized(HttpRequest request, RouteCatalog.Entry entry, Principal principal,
      Function<Principal, Route> routes) {
    if (entry.access() == Access.ADMIN && !principal.isAdmin()) {
      return refuse(request, principal, "this route needs an admin token");
    }
    if (entry.isWrite() && principal.readOnly()) {
      return refuse(request, principal, "this token is read-only");
    }
    Duration wait = rateLimiter.acquire(principal.name());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      log.atDebug().setMessage("HTTP request rate-limited").addKeyValue("method", request.method().name())
          .addKeyValue("path", request.getUri().path()).addKeyValue("token", principal.name())
          .addKeyValue("retryAfterSeconds", seconds).log();
      return complete(JsonResponses.error(StatusCodes.TOO_MANY_REQUESTS, "rate-limited", "more than "
              + settings.security().rateLimit().perSecond() + " requests per second with this token; retry after "
              + seconds + " s").addHeader(RawHeader.create("Retry-After", Long.toString(seconds))));
    }
    return limited(request, routes.apply(principal));
  }

  /** The body size limit: declared lengths are refused at once, streamed bodies when they grow past it. */
  private Route limited(HttpRequest request, Route route) {
    long max = settings.maxRequestBytes();
    if (request.entity().getContentLengthOption().orElse(0L) > max) {
      return complete(tooLarge(max));
    }
    return withSizeLimit(max, () -> route);
  }

  static HttpResponse tooLarge(long max) {
    return JsonResponses.error(StatusCodes.PAYLOAD_TOO_LARGE, "payload-too-large",
        "the request body is larger than " + max + " bytes (twinworks.http.max-request-bytes)");
  }

  private Optional<Principal> authenticate(HttpRequest request) {
    return BearerToken.of(request).flatMap(verifier::verify);
  }

  private Route unauthorized(HttpRequest request) {
    boolean presented = BearerToken.of(request).isPresent() || request.getHeader("Authorization").isPresent();
    // The path only, never the query: it may hold the access_token.
    log.atInfo().setMessage("HTTP request unauthenticated").addKeyValue("method", request.method().name())
        .addKeyValue("path", request.getUri().path()).addKeyValue("reason", presented ? "invalid token" : "no token")
        .log();
    String challenge = presented ? "Bearer realm=\"twinworks\", error=\"invalid_token\"" : "Bearer realm=\"twinworks\"";
    String message = presented
        ? "the token is not valid; send a configured token as 'Authorization: Bearer <token>'"
        : "this API needs a token: send 'Authorization: Bearer <token>'"
            + (request.method().name().equals("GET") ? " (or ?access_token=<token> for streams)" : "");
    return complete(JsonResponses.error(StatusCodes.UNAUTHORIZED, "unauthorized", message)
        .addHeader(RawHeader.create("WWW-Authenticate", challenge)));
  }

  private Route refuse(HttpRequest request, Principal principal, String why) {
    log.atInfo().setMessage("HTTP request forbidden").addKeyValue("method", request.method().name())
        .addKeyValue("path", request.getUri().path()).addKeyValue("token", principal.describe())
        .addKeyValue("reason", why).log();
    return complete(JsonResponses.error(StatusCodes.FORBIDDEN, "forbidden", why));
  }
}
