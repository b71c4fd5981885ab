package io.twinworks.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.runtime.config.InvalidConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

  private static final String HASH = TokenHashes.sha256Hex("tw_test-token");

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void theLocalDefaultIsSecurityOffOnLoopbackWithNoCorsAndOneMebibyteBodies() {
    HttpSecurity settings = HttpSecurity.create(config(""));
    assertFalse(settings.security().enabled());
    assertTrue(settings.tls().isEmpty());
    assertTrue(settings.corsOrigins().isEmpty());
    assertEquals(1024 * 1024, settings.maxRequestBytes());
    assertEquals("http", settings.scheme());
  }

  @Test
  void aNonLoopbackBindWithSecurityOffIsRefusedSayingHowToConfigureTokens() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> HttpSecurity.create(config("twinworks.http.host = \"0.0.0.0\"")));
    assertTrue(e.getMessage().startsWith("twinworks.http.host: is '0.0.0.0'"), e.getMessage());
    assertTrue(e.getMessage().contains("bin/twinworks token new"), e.getMessage());
    assertTrue(e.getMessage().contains("twinworks.security.enabled"), e.getMessage());
  }

  @Test
  void aNonLoopbackBindWithSecurityOnStarts() {
    HttpSecurity settings = HttpSecurity.create(config("twinworks.http.host = \"0.0.0.0\"\n"
        + "twinworks.security { enabled = true, tokens = [{ name = a, sha256 = \"" + HASH + "\", admin = true }] }"));
    assertTrue(settings.security().enabled());
  }

  @Test
  void securityOnWithoutTokensIsRefused() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> SecuritySettings.create(config("twinworks.security.enabled = true")));
    assertTrue(e.getMessage().startsWith("twinworks.security.tokens: is empty"), e.getMessage());
    assertTrue(e.getMessage().contains("bin/twinworks token new"), e.getMessage());
  }

  @Test
  void aHashThatIsNotSha256HexIsRefusedWithoutEchoingIt() {
    String pasted = "tw_a-token-pasted-instead-of-its-hash";
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SecuritySettings.create(config(
        "twinworks.security.tokens = [{ name = a, sha256 = \"" + pasted + "\", tenant = acme }]")));
    assertTrue(e.getMessage().startsWith("twinworks.security.tokens[0].sha256:"), e.getMessage());
    assertFalse(e.getMessage().contains(pasted), e.getMessage());
  }

  @Test
  void aTokenNeedsExactlyOneOfTenantOrAdmin() {
    InvalidConfigException both = assertThrows(InvalidConfigException.class, () -> SecuritySettings.create(config(
        "twinworks.security.tokens = [{ name = a, sha256 = \"" + HASH + "\", tenant = acme, admin = true }]")));
    assertTrue(both.getMessage().startsWith("twinworks.security.tokens[0]:"), both.getMessage());
    assertThrows(InvalidConfigException.class, () -> SecuritySettings.create(config(
        "twinworks.security.tokens = [{ name = a, sha256 = \"" + HASH + "\" }]")));
  }

  @Test
  void twoEntriesWithOneHashAreRefused() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SecuritySettings.create(config(
        "twinworks.security.tokens = [{ name = a, sha256 = \"" + HASH + "\", tenant = acme },"
            + "{ name = b, sha256 = \"" + HASH.toUpperCase() + "\", tenant = beta }]")));
    assertTrue(e.getMessage().startsWith("twinworks.security.tokens[1].sha256:"), e.getMessage());
  }

  @Test
  void entriesReadTheirScopeAndTheStarTenantIsAdmin() {
    SecuritySettings settings = SecuritySettings.create(config("""
        twinworks.security.tokens = [
          { name = viewer, sha256 = "%s", tenant = acme, read-only = true }
          { name = root, sha256 = "%s", tenant = "*" }
        ]
        twinworks.security.rate-limit { requests-per-second = 2.5, burst = 7 }
        """.formatted(HASH, TokenHashes.sha256Hex("other"))));
    assertEquals(Principal.tenant("viewer", "acme", true), settings.tokens().get(0).principal());
    assertEquals(Principal.admin("root", false), settings.tokens().get(1).principal());
    assertEquals(new RateLimit(2.5, 7), settings.rateLimit());
  }

  @Test
  void aTokensTextFormLeavesItsHashOut() {
    ApiToken token = new ApiToken("a", HASH, Principal.tenant("a", "acme", false));
    assertFalse(token.toString().contains(HASH), token.toString());
    assertFalse(token.toString().contains(HASH.substring(0, 8)), token.toString());
  }

  @Test
  void corsOriginsAreSchemeHostAndPortOnly() {
    assertEquals(java.util.List.of("https://ops.example.com:8443"), HttpSecurity.create(config(
        "twinworks.http.cors.allowed-origins = [\"https://ops.example.com:8443\"]")).corsOrigins());
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> HttpSecurity.create(config(
        "twinworks.http.cors.allowed-origins = [\"https://ops.example.com/dashboard\"]")));
    assertTrue(e.getMessage().startsWith("twinworks.http.cors.allowed-origins:"), e.getMessage());
  }

  @Test
  void aMissingKeystoreIsRefusedNamingTheKey() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TlsSettings.create(config(
        "twinworks.http.tls.keystore = \"/nonexistent/api.p12\"")));
    assertTrue(e.getMessage().startsWith("twinworks.http.tls.keystore:"), e.getMessage());
    assertEquals(Optional.empty(), TlsSettings.create(config("")));
  }
}
