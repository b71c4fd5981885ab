package io.twinworks.twins.heartbeat;

import com.typesafe.config.Config;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.config.ConfigReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How long a twin may stay silent before it is in communication loss ({@code twinworks.heartbeat}):
 * a twin's own configured timeout wins; otherwise the first rule matching its kind and id; otherwise
 * the default.
 *
 * @param rules checked in order, first match wins
 */
public record HeartbeatPolicy(Duration defaultTimeout, List<Rule> rules) {

  public static final String PATH = "twinworks.heartbeat";
  private static final Set<String> KEYS = Set.of("default-timeout", "rules");
  private static final Set<String> RULE_KEYS = Set.of("kind", "twin", "timeout");

  /**
   * A timeout for the twins of a kind, of an id pattern, or both (both must match then).
   *
   * @param kind a twin kind id such as {@code battery-pack}
   * @param twin a pattern over twin ids such as {@code acme:p1:*}
   */
  public record Rule(Optional<String> kind, Optional<TwinIdPattern> twin, Duration timeout) {

    public Rule {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(twin, "twin");
      if (kind.isEmpty() && twin.isEmpty()) {
        throw new IllegalArgumentException("kind is missing, and so is twin: a rule needs one or both");
      }
      if (kind.isPresent() && TwinKind.find(kind.get()).isEmpty()) {
        throw new IllegalArgumentException("kind must be sensor, machine or battery-pack, was '" + kind.get() + "'");
      }
      requirePositive(timeout, "timeout");
    }

    boolean matches(String kindName, String twinId) {
      return kind.map(kindName::equals).orElse(true) && twin.map(pattern -> pattern.matches(twinId)).orElse(true);
    }
  }

  public HeartbeatPolicy {
    requirePositive(defaultTimeout, "default-timeout");
    rules = List.copyOf(rules);
  }

  /** Reads the root config's {@code twinworks.heartbeat} section, or that section itself. */
  public static HeartbeatPolicy fromConfig(Config config) {
    return read(ConfigReader.section(config, PATH));
  }

  /**
   * Reads a JSON body such as {@code {"default-timeout": "PT30S", "rules": [{"twin": "acme:p1:*",
   * "timeout": "2m"}]}}; keys left out keep their defaults.
   */
  public static HeartbeatPolicy fromMap(Map<String, Object> map) {
    return read(ConfigReader.map(map, PATH));
  }

  /** The timeout of a twin of kind {@code kindName} (e.g. {@code machine}) and id {@code twinId}. */
  public Duration timeoutFor(String kindName, String twinId, Optional<Duration> override) {
    if (override.isPresent()) {
      return requirePositive(override.get(), "heartbeat timeout of twin '" + twinId + "'");
    }
    return rules.stream()
        .filter(rule -> rule.matches(kindName, twinId))
        .map(Rule::timeout)
        .findFirst()
        .orElse(defaultTimeout);
  }

  private static HeartbeatPolicy read(ConfigReader config) {
    config.onlyKeys(KEYS);
    List<Rule> rules = new ArrayList<>();
    for (ConfigReader rule : config.objects("rules")) {
      rules.add(rule(rule.onlyKeys(RULE_KEYS)));
    }
    return config.validated(() -> new HeartbeatPolicy(config.duration("default-timeout"), rules));
  }

  private static Rule rule(ConfigReader rule) {
    Optional<String> kind = rule.has("kind") ? Optional.of(rule.string("kind")) : Optional.empty();
    Optional<TwinIdPattern> twin = rule.has("twin")
        ? Optional.of(rule.validated(() -> new TwinIdPattern(rule.string("twin"))))
        : Optional.empty();
    return rule.validated(() -> new Rule(kind, twin, rule.duration("timeout")));
  }

  private static Duration requirePositive(Duration timeout, String what) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + timeout);
    }
    return timeout;
  }
}
