package io.twinworks.persistence;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A page request over the registry: optional filters, a page size of 1..{@value #MAX_LIMIT} and the
 * opaque cursor of the previous page's {@link TwinPage#nextCursor()}. Invalid values throw
 * {@link IllegalArgumentException} here, so callers can answer 400 before touching the store.
 */
public record TwinQuery(
    Optional<String> tenant, Optional<TwinKind> kind, Optional<String> prefix, int limit, Optional<String> cursor) {

  public static final int MAX_LIMIT = 1000;

  public TwinQuery {
    tenant = Objects.requireNonNull(tenant, "tenant").filter(t -> !t.isEmpty());
    kind = Objects.requireNonNull(kind, "kind");
    prefix = Objects.requireNonNull(prefix, "prefix").filter(p -> !p.isEmpty());
    cursor = Objects.requireNonNull(cursor, "cursor").filter(c -> !c.isEmpty());
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    tenant.ifPresent(TwinQuery::checkTenant);
    cursor.ifPresent(TwinCursor::decode);
  }

  private static void checkTenant(String tenant) {
    if (tenant.contains(":") || !TwinId.isValid(tenant + ":x")) {
      throw new IllegalArgumentException("invalid tenant '" + tenant + "' (allowed: letters, digits, '.', '_', '-')");
    }
  }

  /** The first page of all twins. */
  public static TwinQuery all(int limit) {
    return new TwinQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit, Optional.empty());
  }

  public TwinQuery withTenant(String tenant) {
    return new TwinQuery(Optional.ofNullable(tenant), kind, prefix, limit, cursor);
  }

  public TwinQuery withKind(TwinKind kind) {
    return new TwinQuery(tenant, Optional.ofNullable(kind), prefix, limit, cursor);
  }

  public TwinQuery withPrefix(String prefix) {
    return new TwinQuery(tenant, kind, Optional.ofNullable(prefix), limit, cursor);
  }

  public TwinQuery withCursor(Optional<String> cursor) {
    return new TwinQuery(tenant, kind, prefix, limit, cursor);
  }
}
