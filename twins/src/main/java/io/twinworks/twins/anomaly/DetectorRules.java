package io.twinworks.twins.anomaly;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.twinworks.twins.TwinKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which detectors a signal gets: a twin's own overrides (signal pattern → specs, as a PUT body carries
 * them) first, then the default rules of {@code twinworks.anomaly.rules}, first match wins. Also the
 * parser of overrides, so they fill unset settings from the same {@code detector-defaults}.
 */
public final class DetectorRules {

  static final String SECTION = "twinworks.anomaly";
  private static final Set<String> RULE_KEYS = Set.of("kinds", "signals", "detectors");

  private final List<DetectorRule> rules;
  private final Config detectorDefaults;

  private DetectorRules(List<DetectorRule> rules, Config detectorDefaults) {
    this.rules = List.copyOf(rules);
    this.detectorDefaults = detectorDefaults;
  }

  /** Reads {@code twinworks.anomaly} from a root config (an ActorSystem's, or reference.conf). */
  public static DetectorRules fromConfig(Config root) {
    if (!root.hasPath(SECTION)) {
      throw new IllegalArgumentException(SECTION + " is missing");
    }
    return fromSection(root.getConfig(SECTION), SECTION);
  }

  /** Reads the {@code twinworks.anomaly} section as a JSON-shaped map: {@code rules}, {@code detector-defaults}. */
  public static DetectorRules fromMap(Map<String, ?> section) {
    return fromSection(SpecReader.toConfig(section), "");
  }

  private static DetectorRules fromSection(Config section, String path) {
    Config defaults = section.hasPath("detector-defaults")
        ? section.getConfig("detector-defaults")
        : SpecParser.referenceDefaults();
    List<? extends Config> ruleConfigs = configList(section, "rules", path);
    List<DetectorRule> rules = new ArrayList<>();
    for (int i = 0; i < ruleConfigs.size(); i++) {
      rules.add(rule(ruleConfigs.get(i), defaults, SpecReader.at(path, "rules[" + i + "]")));
    }
    return new DetectorRules(rules, defaults);
  }

  public List<DetectorRule> rules() {
    return rules;
  }

  /**
   * The detectors of a signal: the override whose pattern is the signal's name, else the first override
   * pattern (in the map's order) that matches it, else the first matching rule's; none when nothing matches.
   * An empty list switches a signal's detectors off.
   */
  public List<DetectorSpec> specsFor(String kind, String signal, Map<String, List<DetectorSpec>> overrides) {
    List<DetectorSpec> exact = overrides.get(signal);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, List<DetectorSpec>> override : overrides.entrySet()) {
      if (new SignalPattern(override.getKey()).matches(signal)) {
        return override.getValue();
      }
    }
    return rules.stream().filter(rule -> rule.matches(kind, signal)).findFirst()
        .map(DetectorRule::detectors).orElse(List.of());
  }

  public List<DetectorSpec> specsFor(TwinKind kind, String signal, Map<String, List<DetectorSpec>> overrides) {
    return specsFor(kind.id(), signal, overrides);
  }

  /**
   * Parses a twin's overrides, the {@code detectors} object of a PUT body: signal pattern → list of specs.
   * Messages name the place, e.g. {@code detectors.temp*[1].window must be at least 5, was 2}.
   *
   * @return the overrides in the body's order
   */
  public Map<String, List<DetectorSpec>> overridesFromMap(Map<String, ?> body) {
    Map<String, List<DetectorSpec>> overrides = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : body.entrySet()) {
      String path = "detectors." + entry.getKey();
      if (entry.getKey().isEmpty()) {
        throw new IllegalArgumentException("detectors has an empty signal pattern");
      }
      if (!(entry.getValue() instanceof List<?> list)) {
        throw new IllegalArgumentException(path + " must be a list of detectors");
      }
      List<Config> specs = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map<?, ?> spec)) {
          throw new IllegalArgumentException(path + "[" + i + "] must be an object with a type");
        }
        specs.add(SpecReader.toConfig(stringKeys(spec, path + "[" + i + "]")));
      }
      overrides.put(entry.getKey(), SpecParser.parseList(specs, detectorDefaults, path));
    }
    return Collections.unmodifiableMap(overrides);
  }

  private static DetectorRule rule(Config rule, Config defaults, String path) {
    for (String key : rule.root().keySet()) {
      if (!RULE_KEYS.contains(key)) {
        throw new IllegalArgumentException(path + "." + key + " is not a rule setting (kinds, signals, detectors)");
      }
    }
    Set<String> kinds = new LinkedHashSet<>(strings(rule, "kinds", path));
    for (String kind : kinds) {
      if (!kind.equals(DetectorRule.ANY_KIND) && TwinKind.find(kind).isEmpty()) {
        throw new IllegalArgumentException(
            path + ".kinds must hold sensor, machine, battery-pack or *, was '" + kind + "'");
      }
    }
    List<SignalPattern> signals = strings(rule, "signals", path).stream().map(SignalPattern::new).toList();
    List<DetectorSpec> detectors = SpecParser.parseList(configList(rule, "detectors", path), defaults,
        path + ".detectors");
    return new DetectorRule(kinds, signals, detectors);
  }

  /** A string or a non-empty list of strings. */
  private static List<String> strings(Config config, String key, String path) {
    String at = SpecReader.at(path, key);
    if (!config.hasPath(key)) {
      throw new IllegalArgumentException(at + " is required");
    }
    ConfigValue value = config.getValue(key);
    try {
      List<String> strings = value.valueType() == ConfigValueType.LIST
          ? config.getStringList(key)
          : List.of(config.getString(key));
      if (strings.isEmpty() || strings.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException(at + " must not be empty");
      }
      return strings;
    } catch (ConfigException e) {
      throw new IllegalArgumentException(at + " must be a text or a list of texts, was " + value.render());
    }
  }

  private static List<? extends Config> configList(Config config, String key, String path) {
    String at = SpecReader.at(path, key);
    if (!config.hasPath(key)) {
      throw new IllegalArgumentException(at + " is required");
    }
    try {
      return config.getConfigList(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(at + " must be a list of objects, was " + config.getValue(key).render());
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map, String path) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException(path + " has a key that is not a text: " + key);
      }
      copy.put(name, value);
    });
    return copy;
  }

  /** For tests and tools: the rules shipped in reference.conf. */
  public static DetectorRules reference() {
    return fromConfig(ConfigFactory.defaultReference());
  }
}
