package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.JsonResponses.badRequest;
import static io.twinworks.runtime.http.JsonResponses.notFound;
import static io.twinworks.runtime.http.JsonResponses.ok;

import io.twinworks.persistence.DeadLetterStore;
import io.twinworks.persistence.TwinQuery;
import io.twinworks.persistence.TwinRegistry;
import io.twinworks.runtime.ingest.TwinGateway;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.twins.TwinId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API of DESIGN.md under {@code /api/v1}, plus {@code /metrics}. */
public final class ApiRoutes extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);
  private static final int DEFAULT_PAGE = 100;

  private final TwinRegistry registry;
  private final TwinGateway twins;
  private final DeadLetterStore deadLetters;
  private final HistoryQueries history;
  private final TwinworksMetrics metrics;
  private final Clock clock;
  private final int maxPageSize;
  private final Duration healthTimeout;

  public ApiRoutes(TwinRegistry registry, TwinGateway twins, DeadLetterStore deadLetters, HistoryQueries history,
      TwinworksMetrics metrics, Clock clock, int maxPageSize, Duration healthTimeout) {
    this.registry = registry;
    this.twins = twins;
    this.deadLetters = deadLetters;
    this.history = history;
    this.metrics = metrics;
    this.clock = clock;
    this.maxPageSize = maxPageSize;
    this.healthTimeout = healthTimeout;
  }

  public Route routes() {
    return handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> concat(
        pathPrefix("api", () -> pathPrefix("v1", this::v1)),
        path("metrics", () -> get(this::metricsText)))));
  }

  private Route v1() {
    return concat(
        path("twins", () -> get(this::listTwins)),
        pathPrefix("twins", () -> pathPrefix(PathMatchers.segment(), id -> concat(
            pathEndOrSingleSlash(() -> get(() -> getTwin(id))),
            path("history", () -> get(() -> parameterMap(params -> getHistory(id, params))))))),
        path("dead-letters", () -> get(this::listDeadLetters)));
  }

  private Route listTwins() {
    return parameterOptional("tenant", tenant -> parameterOptional("kind", kind ->
        parameterOptional("prefix", prefix -> parameterOptional("limit", limit ->
            parameterOptional("cursor", cursor -> answer(() -> {
              TwinQuery query = new TwinQuery(QueryParams.tenant(tenant), QueryParams.kind(kind),
                  QueryParams.prefix(prefix), QueryParams.limit(limit, DEFAULT_PAGE, maxPageSize),
                  QueryParams.cursor(cursor));
              return registry.list(query).thenApply(page -> ok(new TwinJson.Page(
                  page.items().stream().map(TwinJson.Listed::of).toList(),
                  page.nextCursor().orElse(null))));
            }))))));
  }

  private Route getTwin(String rawId) {
    return answer(() -> {
      TwinId id = QueryParams.twinId(rawId);
      return registry.find(id).thenCompose(entry -> entry
          .map(found -> twins.view(found.id(), found.kind())
              .thenApply(view -> ok(TwinJson.Twin.of(view, clock.instant(), healthTimeout))))
          .orElseGet(() -> CompletableFuture.completedFuture(notFound("no twin with id '" + id + "'"))));
    });
  }

  private Route getHistory(String rawId, Map<String, String> params) {
    return answer(() -> {
      TwinId id = QueryParams.twinId(rawId);
      return registry.find(id).thenCompose(entry -> entry.isPresent()
          ? history.answer(id, params)
          : CompletableFuture.completedFuture(notFound("no twin with id '" + id + "'")));
    });
  }

  private Route listDeadLetters() {
    return parameterOptional("limit", limit -> answer(() ->
        deadLetters.recent(QueryParams.limit(limit, DEFAULT_PAGE, maxPageSize))
            .thenApply(items -> ok(Map.of("items", items)))));
  }

  private Route metricsText() {
    ContentType type = ContentTypes.parse(TwinworksMetrics.contentType());
    return complete(HttpResponse.create().withEntity(HttpEntities.create(type, metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  /** Runs a handler whose validation may throw, answering 400 for bad parameters. */
  private Route answer(Supplier<CompletionStage<HttpResponse>> handler) {
    CompletionStage<HttpResponse> response;
    try {
      response = handler.get();
    } catch (BadRequestException | IllegalArgumentException e) {
      response = CompletableFuture.completedFuture(badRequest(e.getMessage()));
    }
    return completeWithFuture(response.exceptionally(ApiRoutes::failure));
  }

  private static HttpResponse failure(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof BadRequestException bad) {
      return badRequest(bad.getMessage());
    }
    if (cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof org.apache.pekko.pattern.AskTimeoutException) {
      return JsonResponses.error(StatusCodes.SERVICE_UNAVAILABLE, "timeout",
          "the twin did not answer in time; try again");
    }
    log.error("request failed", cause);
    return JsonResponses.error(StatusCodes.INTERNAL_SERVER_ERROR, "internal-error",
        "the request failed: " + cause.getClass().getSimpleName());
  }

  private static ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder().matchAny(e -> new AllDirectives() {}.complete(failure(e))).build();
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
