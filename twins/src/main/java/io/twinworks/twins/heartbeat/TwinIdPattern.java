package io.twinworks.twins.heartbeat;

import java.util.regex.Pattern;

/**
 * A glob over twin ids: {@code *} stands for any run of characters, {@code :} included (so
 * {@code acme:p1:*} is every twin of plant p1, however deep), {@code ?} for one character;
 * everything else is itself.
 */
public record TwinIdPattern(String glob) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:*?-]+");

  public TwinIdPattern {
    if (glob == null || !ALLOWED.matcher(glob).matches()) {
      throw new IllegalArgumentException(
          "twin must be a pattern of letters, digits, '.', '_', '-', ':', '*' and '?', was '" + glob + "'");
    }
  }

  /** Greedy matching that backtracks only to the last {@code *}: linear for the usual one-star globs. */
  public boolean matches(String twinId) {
    int g = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < twinId.length()) {
      if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == twinId.charAt(t))) {
        g++;
        t++;
      } else if (g < glob.length() && glob.charAt(g) == '*') {
        star = g++;
        resume = t;
      } else if (star >= 0) {
        g = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
