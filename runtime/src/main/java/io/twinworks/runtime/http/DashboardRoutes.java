package io.twinworks.runtime.http;

import io.twinworks.runtime.live.LiveHub;
import java.util.List;
import io.twinworks.runtime.security.Principal;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The operators' dashboard, served from the jar: {@code /} is {@code dashboard/index.html}, {@code /assets/...} the
 * files under {@code dashboard/assets/}; the OpenAPI document; and the live WebSocket {@code /api/v1/stream}.
 * The page is revalidated on every load (an upgrade shows at once), assets are kept for a few minutes.
 */
public final class DashboardRoutes extends AllDirectives {

  private static final String ROOT = "dashboard";
  private static final long ASSET_MAX_AGE_SECONDS = 300;

  private final LiveHub live;

  public DashboardRoutes(LiveHub live) {
    this.live = live;
  }

  /** {@code /} and {@code /assets/*}: public paths. */
  public Route pages() {
    // Method checks inside the paths: a POST elsewhere must stay a 404, not become "405, only GET".
    return concat(
        pathSingleSlash(() -> get(() -> respondWithHeaders(List.of(CacheControl.create(CacheDirectives.NO_CACHE)),
            () -> getFromResource(ROOT + "/index.html")))),
        pathPrefix("assets", () -> get(() -> respondWithHeaders(
            List.of(CacheControl.create(CacheDirectives.PUBLIC, CacheDirectives.MAX_AGE(ASSET_MAX_AGE_SECONDS))),
            () -> getFromResourceDirectory(ROOT + "/assets")))));
  }

  /** {@code openapi.json} under {@code /api/v1}: public. */
  public Route openApi() {
    return path("openapi.json", () -> get(() -> getFromResource("openapi.json")));
  }

  /** {@code stream} under {@code /api/v1}: the WebSocket of live twin deltas, of the twins {@code principal} sees. */
  public Route stream(Principal principal) {
    return path("stream", () -> handleWebSocketMessages(live.flow(principal)));
  }
}
