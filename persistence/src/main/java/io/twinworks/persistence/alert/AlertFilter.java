package io.twinworks.persistence.alert;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.alert.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * Which changes {@link AlertLog#since} answers: of one tenant, of one twin, of at least a severity. A twin of
 * another tenant than the one given matches nothing. Invalid values throw {@link IllegalArgumentException}.
 */
public record AlertFilter(Optional<String> tenant, Optional<TwinId> twin, Severity minSeverity) {

  public AlertFilter {
    tenant = AlertArguments.tenant(Objects.requireNonNull(tenant, "tenant"));
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(minSeverity, "minSeverity");
  }

  /** Every change. */
  public static AlertFilter all() {
    return new AlertFilter(Optional.empty(), Optional.empty(), Severity.INFO);
  }

  public AlertFilter withTenant(String tenant) {
    return new AlertFilter(Optional.ofNullable(tenant), twin, minSeverity);
  }

  public AlertFilter withTwin(TwinId twin) {
    return new AlertFilter(tenant, Optional.ofNullable(twin), minSeverity);
  }

  public AlertFilter withMinSeverity(Severity minSeverity) {
    return new AlertFilter(tenant, twin, minSeverity);
  }

  /** True when no change can match (a twin of another tenant). */
  public boolean matchesNothing() {
    return AlertArguments.contradict(tenant, twin);
  }

  /** The tenant every matching change belongs to, if the filter fixes one (directly or by the twin). */
  public Optional<String> scopeTenant() {
    return twin.map(TwinId::tenant).or(() -> tenant);
  }

  public boolean matches(Alert alert) {
    return !matchesNothing()
        && tenant.map(alert.tenant()::equals).orElse(true)
        && twin.map(alert.twinId()::equals).orElse(true)
        // Severity is declared in increasing urgency.
        && alert.severity().compareTo(minSeverity) >= 0;
  }
}
