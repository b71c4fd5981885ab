package io.twinworks.runtime.security;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Finds the configured token a presented one hashes to. Every configured hash is compared, each in constant time
 * ({@link MessageDigest#isEqual}), so the time taken tells nothing about which or how much of a hash matched.
 */
public final class TokenVerifier {

  /** Longer presented tokens are refused before hashing; ours are 46 characters. */
  static final int MAX_TOKEN_LENGTH = 512;

  private record Known(byte[] hash, Principal principal) {}

  private final List<Known> tokens;

  public TokenVerifier(List<ApiToken> tokens) {
    this.tokens = tokens.stream().map(t -> new Known(TokenHashes.parseHex(t.sha256Hex()), t.principal())).toList();
  }

  public Optional<Principal> verify(String presented) {
    if (presented.isEmpty() || presented.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    byte[] hash = TokenHashes.sha256(presented);
    Principal found = null;
    for (Known known : tokens) {
      if (MessageDigest.isEqual(known.hash(), hash)) {
        found = known.principal();
      }
    }
    return Optional.ofNullable(found);
  }
}
