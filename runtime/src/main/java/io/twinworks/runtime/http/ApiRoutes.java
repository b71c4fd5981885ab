package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.JsonResponses.notFound;
import static io.twinworks.runtime.http.JsonResponses.ok;

import io.twinworks.persistence.DeadLetterStore;
import io.twinworks.persistence.TwinQuery;
import io.twinworks.persistence.TwinEntry;
import io.twinworks.persistence.TwinRegistry;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.runtime.alert.AlertFeed;
import io.twinworks.runtime.alert.AlertTail;
import io.twinworks.runtime.ingest.TwinAdmin;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.runtime.security.Principal;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** The HTTP API of DESIGN.md under {@code /api/v1}, plus {@code /metrics}. */
public final class ApiRoutes extends AllDirectives {

  private static final int DEFAULT_PAGE = 100;
  private static final ContentType METRICS_TYPE = ContentTypes.parse(TwinworksMetrics.contentType());

  private final TwinRegistry registry;
  private final TwinAdmin twins;
  private final DeadLetterStore deadLetters;
  private final HistoryQueries history;
  private final AlertRoutes alerts;
  private final TwinworksMetrics metrics;
  private final Clock clock;
  private final int maxPageSize;
  private final ApiGuard guard;
  private final DeadLetterTenants deadLetterTenants;
  private final DashboardRoutes dashboard;

  public ApiRoutes(TwinRegistry registry, TwinAdmin twins, DeadLetterStore deadLetters, HistoryQueries history,
      AlertLog alertLog, AlertTail alertTail, TwinworksMetrics metrics, Clock clock, int maxPageSize,
      ApiGuard guard, DeadLetterTenants deadLetterTenants, DashboardRoutes dashboard) {
    this.registry = registry;
    this.twins = twins;
    this.deadLetters = deadLetters;
    this.history = history;
    this.alerts = new AlertRoutes(alertLog, new AlertFeed(alertLog, alertTail), registry, twins, clock, maxPageSize,
        alertTail.settings().keepAlive());
    this.metrics = metrics;
    this.clock = clock;
    this.maxPageSize = maxPageSize;
    this.guard = guard;
    this.deadLetterTenants = deadLetterTenants;
    this.dashboard = dashboard;
  }

  /**
   * Every route, inside {@link ApiGuard}: a route added here must be added to {@link RouteCatalog} too (the guard
   * answers 404 otherwise), and scope what it answers to the {@link Principal} it is given.
   */
  public Route routes() {
    return guard.protect(principal -> handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> concat(
        dashboard.pages(),
        pathPrefix("api", () -> pathPrefix("v1", () -> v1(principal))),
        path("metrics", () -> get(() -> parameterList("name[]", this::metricsText)))))));
  }

  private Route v1(Principal principal) {
    return concat(
        path("twins", () -> get(() -> listTwins(principal))),
        pathPrefix("twins", () -> pathPrefix(PathMatchers.segment(), id -> concat(
            pathEndOrSingleSlash(() -> get(() -> getTwin(principal, id))),
            path("history", () -> get(() -> parameterMap(params -> getHistory(principal, id, params)))),
            path("config", () -> concat(
                get(() -> getConfig(principal, id)),
                put(() -> entity(Unmarshaller.entityToString(), body -> putConfig(principal, id, body))))),
            path("oee", () -> get(() -> parameterMap(params -> getOee(principal, id, params))))))),
        alerts.routes(principal),
        dashboard.stream(principal),
        dashboard.openApi(),
        path("dead-letters", () -> get(() -> listDeadLetters(principal))));
  }

  private Route listTwins(Principal principal) {
    return parameterOptional("tenant", tenant -> parameterOptional("kind", kind ->
        parameterOptional("prefix", prefix -> parameterOptional("limit", limit ->
            parameterOptional("cursor", cursor -> answer(() -> {
              TwinQuery query = new TwinQuery(principal.tenantFilter(QueryParams.tenant(tenant)), QueryParams.kind(kind),
                  QueryParams.prefix(prefix), QueryParams.limit(limit, DEFAULT_PAGE, maxPageSize),
                  QueryParams.cursor(cursor));
              return registry.list(query).thenApply(page -> ok(new TwinJson.Page(
                  page.items().stream().map(TwinJson.Listed::of).toList(),
                  page.nextCursor().orElse(null))));
            }))))));
  }

  private Route getTwin(Principal principal, String rawId) {
    return withTwin(principal, rawId, found -> twins.view(found.id(), found.kind()).thenApply(view -> ok(TwinJson.Twin.of(view))));
  }

  private Route getConfig(Principal principal, String rawId) {
    return withTwin(principal, rawId, found -> twins.config(found.id(), found.kind()).thenApply(ConfigBody::answer));
  }

  private Route putConfig(Principal principal, String rawId, String body) {
    return withTwin(principal, rawId, found -> Answers.onRefusal(
        twins.configure(found.id(), found.kind(), ConfigBody.parse(body)).thenApply(ConfigBody::answer),
        JsonResponses::badRequest));
  }

  private Route getOee(Principal principal, String rawId, Map<String, String> params) {
    return withTwin(principal, rawId, found -> {
      OeeQueries query = OeeQueries.parse(params, clock);
      if (found.kind() != TwinKind.MACHINE) {
        throw new BadRequestException("OEE is computed for machine twins; '" + found.id() + "' is a "
            + found.kind().id());
      }
      return Answers.onRefusal(twins.oee(found.id(), found.kind(), query.bucket(), query.from(), query.to())
          .thenApply(windows -> ok(new OeeQueries.Windows(windows))), JsonResponses::badRequest);
    });
  }

  /**
   * Answers for a twin of the registry the principal sees; 404 for an unknown twin and, alike, for another tenant's
   * (whether it exists is not revealed). {@code handler} may throw for bad parameters.
   */
  private Route withTwin(Principal principal, String rawId, Function<TwinEntry, CompletionStage<HttpResponse>> handler) {
    return answer(() -> {
      TwinId id = QueryParams.twinId(rawId);
      if (!principal.sees(id.tenant())) {
        return CompletableFuture.completedFuture(unknownTwin(id));
      }
      return registry.find(id).thenCompose(entry -> entry
          .map(found -> Answers.of(() -> handler.apply(found)))
          .orElseGet(() -> CompletableFuture.completedFuture(unknownTwin(id))));
    });
  }

  private static HttpResponse unknownTwin(TwinId id) {
    return notFound("no twin with id '" + id + "'");
  }

  private Route getHistory(Principal principal, String rawId, Map<String, String> params) {
    return withTwin(principal, rawId, found -> history.answer(found.id(), params));
  }

  /**
   * The latest dead letters; a tenant's token sees those whose source topic routes to its tenant
   * ({@link DeadLetterTenants}), taken from the latest {@value DeadLetterStore#MAX_RECENT} of all.
   */
  private Route listDeadLetters(Principal principal) {
    return parameterOptional("limit", limit -> answer(() -> {
      int page = QueryParams.limit(limit, DEFAULT_PAGE, Math.min(maxPageSize, DeadLetterStore.MAX_RECENT));
      if (principal.isAdmin()) {
        return deadLetters.recent(page).thenApply(items -> ok(Map.of("items", items)));
      }
      return deadLetters.recent(DeadLetterStore.MAX_RECENT).thenApply(all -> ok(Map.of("items", all.stream()
          .filter(letter -> deadLetterTenants.tenantOf(letter.source()).map(principal::sees).orElse(false))
          .limit(page).toList())));
    }));
  }

  /** All metrics, or only those named by {@code name[]} parameters (as Prometheus' client libraries allow). */
  private Route metricsText(List<String> names) {
    return complete(HttpResponse.create().withEntity(HttpEntities.create(METRICS_TYPE,
        metrics.scrape(Set.copyOf(names)).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  private Route answer(Supplier<CompletionStage<HttpResponse>> handler) {
    return completeWithFuture(Answers.of(handler));
  }

  private static ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder().matchAny(e -> new AllDirectives() {}.complete(Answers.failure(e))).build();
  }

  private static RejectionHandler rejections() {
    return RejectionHandler.defaultHandler().mapRejectionResponse(ApiRoutes::asJsonError);
  }

  /** Pekko's default rejection answers are plain text; ours are JSON errors with the same status. */
  private static HttpResponse asJsonError(HttpResponse response) {
    if (response.entity() instanceof org.apache.pekko.http.javadsl.model.HttpEntity.Strict strict
        && !strict.getContentType().equals(ContentTypes.APPLICATION_JSON)) {
      String text = strict.getData().utf8String();
      String code = response.status().reason().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
      if (response.status().equals(StatusCodes.NOT_FOUND)) {
        text = "no such resource; see /api/v1 in the README";
      }
      return JsonResponses.error(response.status(), code, text).withHeaders(response.getHeaders());
    }
    return response;
  }
}
