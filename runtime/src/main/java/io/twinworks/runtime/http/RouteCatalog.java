package io.twinworks.runtime.http;

import java.util.List;
import java.util.Optional;

/**
 * Every route the HTTP server answers, with who may call it. {@link ApiGuard} answers 404 for a request that
 * matches no entry, so a route added to {@link ApiRoutes} but not here is unreachable, and the isolation test,
 * which walks this list, tries every route that is reachable. Paths are templates: {@code {name}} is one path
 * segment, a last {@code *} any rest.
 */
public final class RouteCatalog {

  /** Who may call a route. Any method but GET is a write, refused to read-only tokens. */
  public enum Access {
    /** No token needed (dashboard assets, the API description). */
    PUBLIC,
    /** Any token; the handler answers only the token's tenant's resources. */
    TENANT,
    /** Admin tokens only: what is not per tenant. */
    ADMIN
  }

  /** One route: method, path template, access. */
  public record Entry(String method, String path, Access access) {

    public boolean isWrite() {
      return !method.equals("GET");
    }

    boolean matches(List<String> segments) {
      List<String> template = segments(path);
      boolean rest = !template.isEmpty() && template.get(template.size() - 1).equals("*");
      if (rest ? segments.size() < template.size() : segments.size() != template.size()) {
        return false;
      }
      for (int i = 0; i < template.size(); i++) {
        String part = template.get(i);
        boolean variable = part.startsWith("{") || part.equals("*");
        if (!variable && !part.equals(segments.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  public static final List<Entry> ROUTES = List.of(
      new Entry("GET", "/", Access.PUBLIC),
      new Entry("GET", "/assets/*", Access.PUBLIC),
      new Entry("GET", "/api/v1/openapi.json", Access.PUBLIC),
      new Entry("GET", "/api/v1/twins", Access.TENANT),
      new Entry("GET", "/api/v1/twins/{id}", Access.TENANT),
      new Entry("GET", "/api/v1/twins/{id}/history", Access.TENANT),
      new Entry("GET", "/api/v1/twins/{id}/config", Access.TENANT),
      new Entry("PUT", "/api/v1/twins/{id}/config", Access.TENANT),
      new Entry("GET", "/api/v1/twins/{id}/oee", Access.TENANT),
      new Entry("GET", "/api/v1/alerts", Access.TENANT),
      new Entry("GET", "/api/v1/alerts/stream", Access.TENANT),
      new Entry("POST", "/api/v1/alerts/{alertId}/ack", Access.TENANT),
      new Entry("GET", "/api/v1/dead-letters", Access.TENANT),
      new Entry("GET", "/api/v1/stream", Access.TENANT),
      new Entry("GET", "/metrics", Access.ADMIN));

  /** What a request's method and path find in the catalog. */
  public sealed interface Match {
    record Found(Entry entry) implements Match {}

    /** The path is served, with other methods. */
    record OtherMethods(List<String> allowed) implements Match {}

    record Unknown() implements Match {}
  }

  private RouteCatalog() {}

  /** {@code segments}: the request path's decoded segments, no empty ones (a trailing slash does not count). */
  public static Match match(String method, List<String> segments) {
    List<Entry> onPath = ROUTES.stream().filter(e -> e.matches(segments)).toList();
    Optional<Entry> found = onPath.stream().filter(e -> e.method().equals(method)).findFirst();
    if (found.isPresent()) {
      return new Match.Found(found.get());
    }
    return onPath.isEmpty() ? new Match.Unknown()
        : new Match.OtherMethods(onPath.stream().map(Entry::method).distinct().toList());
  }

  static List<String> segments(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}
