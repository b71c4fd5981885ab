package io.twinworks.twins.anomaly;

import java.util.Objects;

/**
 * A signal name pattern: {@code *} matches any run of characters (dots included), {@code ?} one
 * character, everything else itself. {@code *}, {@code temp*}, {@code cell.*.voltage}.
 */
public record SignalPattern(String glob) {

  public SignalPattern {
    Objects.requireNonNull(glob, "glob");
    if (glob.isEmpty()) {
      throw new IllegalArgumentException("a signal pattern must not be empty");
    }
  }

  /** True when the pattern has no wildcard: it names one signal. */
  public boolean exact() {
    return glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
  }

  /** Glob matching with backtracking to the last {@code *}: O(pattern × name) at worst, no regex. */
  public boolean matches(String signal) {
    int p = 0;
    int s = 0;
    int star = -1;
    int resume = 0;
    while (s < signal.length()) {
      if (p < glob.length() && (glob.charAt(p) == '?' || glob.charAt(p) == signal.charAt(s))) {
        p++;
        s++;
      } else if (p < glob.length() && glob.charAt(p) == '*') {
        star = p++;
        resume = s;
      } else if (star >= 0) {
        p = star + 1;
        s = ++resume;
      } else {
        return false;
      }
    }
    while (p < glob.length() && glob.charAt(p) == '*') {
      p++;
    }
    return p == glob.length();
  }

  @Override
  public String toString() {
    return glob;
  }
}
