package io.twinworks.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinworks.connectors.alert.AlertJson;
import io.twinworks.persistence.alert.AlertCursor;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.AlertPage;
import io.twinworks.persistence.alert.AlertQuery;
import io.twinworks.runtime.security.Principal;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.AlertState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /alerts?tenant=&twin=&state=&limit=&cursor=}: the current alerts from the log, newest raised first.
 * {@code state} is {@code open} (active and acknowledged, the default: what an operator has to deal with),
 * {@code active}, {@code acknowledged}, {@code cleared} or {@code all}. The log answers one state or all; open is
 * both pages merged, which pages correctly because a cursor is a position in the one order of all alerts.
 */
final class AlertListing {

  private static final int DEFAULT_PAGE = 100;
  private static final List<Optional<AlertState>> OPEN =
      List.of(Optional.of(AlertState.ACTIVE), Optional.of(AlertState.ACKNOWLEDGED));

  private final AlertLog alerts;
  private final int maxPageSize;

  AlertListing(AlertLog alerts, int maxPageSize) {
    this.alerts = alerts;
    this.maxPageSize = Math.min(maxPageSize, AlertQuery.MAX_LIMIT);
  }

  /** The answer's body: alert JSON items and the cursor of the next page ({@code null} on the last). */
  record Items(List<ObjectNode> items, String cursor) {}

  /**
   * Validates the parameters (throwing {@link BadRequestException}) and reads the page, of the principal's tenant
   * only unless it is an admin (a twin of another tenant then matches nothing).
   */
  CompletionStage<Items> answer(Map<String, String> params, Principal principal) {
    Optional<String> tenant = principal.tenantFilter(QueryParams.tenant(param(params, "tenant")));
    Optional<TwinId> twin = param(params, "twin").filter(s -> !s.isEmpty()).map(QueryParams::twinId);
    int limit = QueryParams.limit(param(params, "limit"), DEFAULT_PAGE, maxPageSize);
    Optional<String> cursor = QueryParams.cursor(param(params, "cursor"));
    List<AlertQuery> queries = new ArrayList<>();
    for (Optional<AlertState> state : states(params.get("state"))) {
      queries.add(new AlertQuery(tenant, twin, state, limit, cursor));
    }
    return page(queries, limit).thenApply(page -> new Items(
        page.items().stream().map(AlertJson::node).toList(), page.nextCursor().orElse(null)));
  }

  private CompletionStage<AlertPage> page(List<AlertQuery> queries, int limit) {
    if (queries.size() == 1) {
      return alerts.current(queries.get(0));
    }
    List<CompletableFuture<AlertPage>> pages =
        queries.stream().map(query -> alerts.current(query).toCompletableFuture()).toList();
    return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<Alert> merged = new ArrayList<>();
      pages.forEach(page -> merged.addAll(page.join().items()));
      merged.sort(AlertCursor.NEWEST_RAISED_FIRST);
      // One more than a page, or a part with more of its own: there is a next page, after the last item.
      boolean more = merged.size() > limit || pages.stream().anyMatch(page -> page.join().nextCursor().isPresent());
      List<Alert> items = merged.subList(0, Math.min(limit, merged.size()));
      return new AlertPage(items, more && !items.isEmpty()
          ? Optional.of(AlertCursor.after(items.get(items.size() - 1)).encode())
          : Optional.empty());
    });
  }

  private static List<Optional<AlertState>> states(String raw) {
    if (raw == null || raw.isEmpty()) {
      return OPEN;
    }
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "open" -> OPEN;
      case "all" -> List.of(Optional.empty());
      case "active", "acknowledged", "cleared" -> List.of(Optional.of(AlertState.parse(raw)));
      default -> throw new BadRequestException(
          "state must be open, active, acknowledged, cleared or all, was '" + QueryParams.clip(raw) + "'");
    };
  }

  private static Optional<String> param(Map<String, String> params, String name) {
    return Optional.ofNullable(params.get(name));
  }
}
