package io.twinworks.runtime.security;

/**
 * A configured bearer token: its name (what logs and metrics show), the SHA-256 of the token (hex; the token itself
 * is never stored) and what it may do. {@link #toString()} leaves the hash out so that it never reaches a log.
 */
public record ApiToken(String name, String sha256Hex, Principal principal) {

  @Override
  public String toString() {
    return "ApiToken[" + principal.describe() + "]";
  }
}
