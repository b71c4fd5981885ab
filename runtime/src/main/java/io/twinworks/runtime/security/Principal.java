package io.twinworks.runtime.security;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a request acts for: the name of its token, the one tenant it may see (empty for an admin, who sees every
 * tenant) and whether it may only read. Handlers scope what they answer with {@link #sees} and
 * {@link #tenantFilter}; the guard has already refused what the route's access level does not allow.
 */
public record Principal(String name, Optional<String> tenant, boolean readOnly) {

  /** Security off: the API binds to loopback only, and whoever reaches it may do everything. */
  public static final Principal UNSECURED = new Principal("unsecured", Optional.empty(), false);
  /** A request to a public route (dashboard assets) with security on: sees no tenant ("" is none). */
  public static final Principal PUBLIC = new Principal("public", Optional.of(""), true);

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tenant, "tenant");
  }

  public static Principal admin(String name, boolean readOnly) {
    return new Principal(name, Optional.empty(), readOnly);
  }

  public static Principal tenant(String name, String tenant, boolean readOnly) {
    return new Principal(name, Optional.of(tenant), readOnly);
  }

  public boolean isAdmin() {
    return tenant.isEmpty();
  }

  /** Whether resources of {@code otherTenant} (a twin, its alerts, a dead letter) are visible. */
  public boolean sees(String otherTenant) {
    return tenant.map(own -> own.equals(otherTenant)).orElse(true);
  }

  /**
   * The tenant a list or stream is filtered to: the one asked for, forced to the token's own. Asking by name for
   * another tenant than one's own is refused with {@link ForbiddenException} (the name was the caller's, so the
   * refusal reveals nothing); an admin's filter is what was asked.
   */
  public Optional<String> tenantFilter(Optional<String> asked) {
    if (tenant.isEmpty()) {
      return asked;
    }
    if (tenant.get().isEmpty()) {
      throw new ForbiddenException("this needs a token");
    }
    if (asked.isPresent() && !asked.get().equals(tenant.get())) {
      throw new ForbiddenException("this token sees its own tenant only; leave the tenant parameter out or give "
          + "its own");
    }
    return tenant;
  }

  /** For logs: the token's name and scope, never the token. */
  public String describe() {
    return name + " (" + tenant.map(t -> "tenant " + t).orElse("admin") + (readOnly ? ", read-only)" : ")");
  }
}
