package io.twinworks.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrincipalTest {

  private final Principal acme = Principal.tenant("acme-ops", "acme", false);
  private final Principal admin = Principal.admin("ops", false);

  @Test
  void aTenantSeesItsOwnTenantOnlyAndAnAdminSeesAll() {
    assertTrue(acme.sees("acme"));
    assertFalse(acme.sees("beta"));
    assertTrue(admin.sees("beta"));
    assertFalse(Principal.PUBLIC.sees("acme"));
    assertTrue(Principal.UNSECURED.sees("acme"));
  }

  @Test
  void aTenantsFilterIsForcedToItsTenant() {
    assertEquals(Optional.of("acme"), acme.tenantFilter(Optional.empty()));
    assertEquals(Optional.of("acme"), acme.tenantFilter(Optional.of("acme")));
    assertThrows(ForbiddenException.class, () -> acme.tenantFilter(Optional.of("beta")));
    assertEquals(Optional.empty(), admin.tenantFilter(Optional.empty()));
    assertEquals(Optional.of("beta"), admin.tenantFilter(Optional.of("beta")));
    // Without a token nothing is listed: not "no filter", which would be every tenant.
    assertThrows(ForbiddenException.class, () -> Principal.PUBLIC.tenantFilter(Optional.empty()));
  }
}
