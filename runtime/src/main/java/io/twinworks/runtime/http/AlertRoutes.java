package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.JsonResponses.badRequest;
import static io.twinworks.runtime.http.JsonResponses.notFound;
import static io.twinworks.runtime.http.JsonResponses.ok;

import io.twinworks.connectors.alert.AlertJson;
import io.twinworks.persistence.TwinRegistry;
import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.runtime.alert.AlertFeed;
import io.twinworks.runtime.ingest.TwinAdmin;
import io.twinworks.runtime.security.ForbiddenException;
import io.twinworks.runtime.security.Principal;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import io.twinworks.twins.alert.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;

/** {@code /alerts}: the current alerts, acknowledging one, and the SSE stream of changes. */
final class AlertRoutes extends AllDirectives {

  static final String LAST_EVENT_ID = "Last-Event-ID";

  private final AlertLog alerts;
  private final AlertListing listing;
  private final AlertFeed feed;
  private final TwinRegistry registry;
  private final TwinAdmin twins;
  private final Clock clock;
  private final Duration keepAlive;

  AlertRoutes(AlertLog alerts, AlertFeed feed, TwinRegistry registry, TwinAdmin twins, Clock clock, int maxPageSize,
      Duration keepAlive) {
    this.alerts = alerts;
    this.listing = new AlertListing(alerts, maxPageSize);
    this.feed = feed;
    this.registry = registry;
    this.twins = twins;
    this.clock = clock;
    this.keepAlive = keepAlive;
  }

  /** The alert routes as {@code principal} sees them: its tenant's alerts only, unless it is an admin. */
  Route routes(Principal principal) {
    return pathPrefix("alerts", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> parameterMap(params -> answer(() -> listing.answer(params, principal)
            .thenApply(JsonResponses::ok))))),
        path("stream", () -> get(() -> stream(principal))),
        path(PathMatchers.segment().slash("ack"), alertId -> post(() -> answer(() -> acknowledge(principal, alertId))))));
  }

  /** 404 for an unknown alert and, alike, for another tenant's (whether it exists is not revealed). */
  private CompletionStage<HttpResponse> acknowledge(Principal principal, String alertId) {
    TwinId twin = Alert.twinOf(alertId);
    if (!principal.sees(twin.tenant())) {
      return done(unknownAlert(alertId));
    }
    return alerts.get(alertId).thenCompose(logged -> {
      if (logged.isEmpty()) {
        return done(unknownAlert(alertId));
      }
      if (logged.get().state() == AlertState.CLEARED) {
        return done(JsonResponses.error(StatusCodes.CONFLICT, "already-cleared", "alert '" + alertId
            + "' was cleared at " + logged.get().clearedAt() + "; a cleared alert cannot be acknowledged"));
      }
      return registry.find(twin).thenCompose(entry -> entry
          .map(found -> Answers.onRefusal(
              twins.acknowledge(twin, found.kind(), alertId, clock.instant()).thenApply(acked -> ok(AlertJson.node(acked))),
              JsonResponses::notFound))
          .orElseGet(() -> done(notFound("no twin with id '" + twin + "'"))));
    });
  }

  private static HttpResponse unknownAlert(String alertId) {
    return notFound("no alert with id '" + alertId + "'");
  }

  private Route stream(Principal principal) {
    return parameterMap(params -> optionalHeaderValueByName(LAST_EVENT_ID, lastEventId -> {
      Source<LoggedAlert, NotUsed> changes;
      try {
        AlertFilter filter = filter(params, principal);
        OptionalLong after = lastEventId(lastEventId);
        changes = after.isPresent() ? feed.resume(filter, after.getAsLong()) : feed.live(filter);
      } catch (BadRequestException | IllegalArgumentException e) {
        return complete(badRequest(e.getMessage()));
      } catch (ForbiddenException e) {
        return complete(Answers.failure(e));
      }
      return completeOK(changes.map(AlertRoutes::event).keepAlive(keepAlive, ServerSentEvent::heartbeat),
          EventStreamMarshalling.toEventStream());
    }));
  }

  static ServerSentEvent event(LoggedAlert change) {
    return ServerSentEvent.create(AlertJson.string(change.alert()), "alert", Long.toString(change.seq()));
  }

  private static AlertFilter filter(Map<String, String> params, Principal principal) {
    Optional<String> tenant = principal.tenantFilter(QueryParams.tenant(Optional.ofNullable(params.get("tenant"))));
    Optional<TwinId> twin = Optional.ofNullable(params.get("twin")).filter(s -> !s.isEmpty()).map(QueryParams::twinId);
    Severity severity = Optional.ofNullable(params.get("severity")).filter(s -> !s.isEmpty())
        .map(Severity::parse).orElse(Severity.INFO);
    return new AlertFilter(tenant, twin, severity);
  }

  private static OptionalLong lastEventId(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return OptionalLong.empty();
    }
    try {
      long seq = Long.parseLong(header.get().trim());
      if (seq >= 0) {
        return OptionalLong.of(seq);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException(LAST_EVENT_ID + " must be the id of an alert event (a whole number), was '"
        + QueryParams.clip(header.get()) + "'");
  }

  private Route answer(java.util.function.Supplier<CompletionStage<HttpResponse>> handler) {
    return completeWithFuture(Answers.of(handler));
  }

  private static CompletionStage<HttpResponse> done(HttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
