package io.twinworks.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

  private final String acmeToken = TokenHashes.newToken();
  private final String adminToken = TokenHashes.newToken();
  private final Principal acme = Principal.tenant("acme-ops", "acme", false);
  private final Principal admin = Principal.admin("ops", true);
  private final TokenVerifier verifier = new TokenVerifier(List.of(
      new ApiToken("acme-ops", TokenHashes.sha256Hex(acmeToken), acme),
      // Upper-case hex, as some tools print it, matches as well.
      new ApiToken("ops", TokenHashes.sha256Hex(adminToken).toUpperCase(), admin)));

  @Test
  void aConfiguredTokenFindsItsPrincipal() {
    assertEquals(Optional.of(acme), verifier.verify(acmeToken));
    assertEquals(Optional.of(admin), verifier.verify(adminToken));
  }

  @Test
  void anythingElseFindsNothing() {
    assertEquals(Optional.empty(), verifier.verify(acmeToken.substring(0, acmeToken.length() - 1)));
    assertEquals(Optional.empty(), verifier.verify(acmeToken + "x"));
    assertEquals(Optional.empty(), verifier.verify(TokenHashes.sha256Hex(acmeToken)), "the hash is not the token");
    assertEquals(Optional.empty(), verifier.verify(""));
    assertEquals(Optional.empty(), verifier.verify("x".repeat(TokenVerifier.MAX_TOKEN_LENGTH + 1)));
  }

  @Test
  void newTokensAreLongAndDifferent() {
    // "tw_" + 32 bytes in unpadded base64url: 3 + ceil(32 * 4 / 3) = 3 + 43 = 46 characters.
    assertEquals(46, acmeToken.length());
    assertTrue(acmeToken.startsWith("tw_"));
    assertNotEquals(acmeToken, adminToken);
  }

  @Test
  void theHashIsSha256Hex() {
    // SHA-256("abc"), the FIPS 180-2 test vector.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenHashes.sha256Hex("abc"));
  }
}
