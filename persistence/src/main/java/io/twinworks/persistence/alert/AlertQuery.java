package io.twinworks.persistence.alert;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.AlertState;
import java.util.Objects;
import java.util.Optional;

/**
 * A page request over the current alerts: optional tenant, twin and state (empty: every state), a page size of
 * 1..{@value #MAX_LIMIT} and the opaque cursor of the previous page's {@link AlertPage#nextCursor()}. A twin of
 * another tenant than the one given matches nothing. Invalid values throw {@link IllegalArgumentException} here, so
 * callers can answer 400 before touching the store.
 */
public record AlertQuery(
    Optional<String> tenant, Optional<TwinId> twin, Optional<AlertState> state, int limit, Optional<String> cursor) {

  public static final int MAX_LIMIT = 1000;

  public AlertQuery {
    tenant = AlertArguments.tenant(Objects.requireNonNull(tenant, "tenant"));
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(state, "state");
    cursor = Objects.requireNonNull(cursor, "cursor").filter(c -> !c.isEmpty());
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    cursor.ifPresent(AlertCursor::decode);
  }

  /** The first page of every alert in every state. */
  public static AlertQuery all(int limit) {
    return new AlertQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit, Optional.empty());
  }

  public AlertQuery withTenant(String tenant) {
    return new AlertQuery(Optional.ofNullable(tenant), twin, state, limit, cursor);
  }

  public AlertQuery withTwin(TwinId twin) {
    return new AlertQuery(tenant, Optional.ofNullable(twin), state, limit, cursor);
  }

  public AlertQuery withState(AlertState state) {
    return new AlertQuery(tenant, twin, Optional.ofNullable(state), limit, cursor);
  }

  public AlertQuery withCursor(Optional<String> cursor) {
    return new AlertQuery(tenant, twin, state, limit, cursor);
  }

  /** True when no alert can match (a twin of another tenant). */
  public boolean matchesNothing() {
    return AlertArguments.contradict(tenant, twin);
  }

  public Optional<AlertCursor> after() {
    return cursor.map(AlertCursor::decode);
  }
}
