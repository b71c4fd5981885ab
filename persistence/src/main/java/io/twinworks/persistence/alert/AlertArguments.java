package io.twinworks.persistence.alert;

import io.twinworks.twins.TwinId;
import java.util.Optional;

/** Checks shared by the alert log's requests; each throws {@link IllegalArgumentException} naming the argument. */
final class AlertArguments {

  private AlertArguments() {}

  static void checkSeq(long seq) {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be at least 1, was " + seq);
    }
  }

  static void checkTenant(String tenant) {
    if (tenant.contains(":") || !TwinId.isValid(tenant + ":x")) {
      throw new IllegalArgumentException("invalid tenant '" + tenant + "' (allowed: letters, digits, '.', '_', '-')");
    }
  }

  static Optional<String> tenant(Optional<String> tenant) {
    Optional<String> nonEmpty = tenant.filter(t -> !t.isEmpty());
    nonEmpty.ifPresent(AlertArguments::checkTenant);
    return nonEmpty;
  }

  /** True when both are given and the twin belongs to another tenant: such a filter matches nothing. */
  static boolean contradict(Optional<String> tenant, Optional<TwinId> twin) {
    return tenant.isPresent() && twin.isPresent() && !twin.get().tenant().equals(tenant.get());
  }
}
