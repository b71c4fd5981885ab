package io.twinworks.runtime.live;

import java.util.HashSet;
import java.util.Set;

/**
 * What one dashboard connection is subscribed to: twins by id, and prefixes of ids that match whole segments
 * ({@code acme:p1} matches {@code acme:p1} and {@code acme:p1:r1:pk7}, not {@code acme:p10}; the empty prefix matches
 * every twin).
 */
public record LiveFilter(Set<String> twins, Set<String> prefixes) {

  public static final LiveFilter NOTHING = new LiveFilter(Set.of(), Set.of());

  public LiveFilter {
    twins = Set.copyOf(twins);
    prefixes = Set.copyOf(prefixes);
  }

  public boolean matches(String twinId) {
    if (twins.contains(twinId)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (prefix.isEmpty() || twinId.equals(prefix)
          || (twinId.startsWith(prefix) && twinId.charAt(prefix.length()) == ':')) {
        return true;
      }
    }
    return false;
  }

  public LiveFilter plus(Set<String> moreTwins, Set<String> morePrefixes) {
    return new LiveFilter(union(twins, moreTwins), union(prefixes, morePrefixes));
  }

  public LiveFilter minus(Set<String> lessTwins, Set<String> lessPrefixes) {
    Set<String> keptTwins = new HashSet<>(twins);
    keptTwins.removeAll(lessTwins);
    Set<String> keptPrefixes = new HashSet<>(prefixes);
    keptPrefixes.removeAll(lessPrefixes);
    return new LiveFilter(keptTwins, keptPrefixes);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
