package io.twinworks.runtime.security;

/** {@code twinworks.security.rate-limit}: requests per second and burst per token; 0 per second turns it off. */
public record RateLimit(double perSecond, int burst) {

  public static final RateLimit OFF = new RateLimit(0, 0);

  public boolean enabled() {
    return perSecond > 0;
  }
}
