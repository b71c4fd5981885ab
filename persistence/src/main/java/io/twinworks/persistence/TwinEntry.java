package io.twinworks.persistence;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.Objects;

/** A twin known to the registry; {@code tenant} is always the tenant segment of {@code id}. */
public record TwinEntry(TwinId id, TwinKind kind, String tenant, Instant firstSeen, Instant lastSeen) {

  public TwinEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (!id.tenant().equals(tenant)) {
      throw new IllegalArgumentException("tenant '" + tenant + "' is not the tenant of twin " + id);
    }
  }

  public static TwinEntry of(TwinId id, TwinKind kind, Instant firstSeen, Instant lastSeen) {
    return new TwinEntry(id, kind, id.tenant(), firstSeen, lastSeen);
  }

  /** A twin seen once, at {@code seen}. */
  public static TwinEntry seen(TwinId id, TwinKind kind, Instant seen) {
    return of(id, kind, seen, seen);
  }
}
