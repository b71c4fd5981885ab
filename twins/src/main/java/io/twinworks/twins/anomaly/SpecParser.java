package io.twinworks.twins.anomaly;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a spec's config into the record of its type: checks the type and that every key is a setting
 * of it, falls back to the type's defaults, and prefixes every problem with the spec's path.
 */
final class SpecParser {

  static final String DEFAULTS_PATH = "twinworks.anomaly.detector-defaults";

  private SpecParser() {}

  /** The per-type defaults shipped in reference.conf. */
  static Config referenceDefaults() {
    return ReferenceDefaults.DEFAULTS;
  }

  /**
   * Parses one spec.
   *
   * @param defaults the {@code detector-defaults} object: one object of settings per type
   * @param path where the spec sits, for messages, e.g. {@code detectors[1]}; empty at the top
   */
  static DetectorSpec parse(Config spec, Config defaults, String path) {
    try {
      DetectorKind kind = DetectorKind.of(new SpecReader(spec).getString("type"));
      Config typeDefaults = typeDefaults(defaults, kind);
      rejectUnknownKeys(spec, typeDefaults, kind);
      return read(kind, new SpecReader(spec.withFallback(typeDefaults)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SpecReader.at(path, e.getMessage()), e);
    }
  }

  /** Parses a list of specs at {@code path}; a signal has at most one detector of each type. */
  static List<DetectorSpec> parseList(List<? extends Config> specs, Config defaults, String path) {
    List<DetectorSpec> parsed = new ArrayList<>();
    Set<DetectorKind> seen = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      DetectorSpec spec = parse(specs.get(i), defaults, path + "[" + i + "]");
      if (!seen.add(spec.kind())) {
        throw new IllegalArgumentException(path + "[" + i + "].type " + spec.kind()
            + " is already in the list: one detector of each type per signal (its alerts are told apart by type)");
      }
      parsed.add(spec);
    }
    return List.copyOf(parsed);
  }

  private static DetectorSpec read(DetectorKind kind, SpecReader reader) {
    return switch (kind) {
      case THRESHOLD -> ThresholdSpec.read(reader);
      case ZSCORE -> ZScoreSpec.read(reader);
      case IQR -> IqrSpec.read(reader);
      case HAMPEL -> HampelSpec.read(reader);
      case RATE_OF_CHANGE -> RateOfChangeSpec.read(reader);
      case FLATLINE -> FlatlineSpec.read(reader);
      case SEASONAL -> SeasonalSpec.read(reader);
    };
  }

  private static Config typeDefaults(Config defaults, DetectorKind kind) {
    String key = "\"" + kind.id() + "\"";
    Config own = defaults.hasPath(key) ? defaults.getConfig(key) : ConfigFactory.empty();
    Config reference = ReferenceDefaults.DEFAULTS;
    return reference.hasPath(key) ? own.withFallback(reference.getConfig(key)) : own;
  }

  private static void rejectUnknownKeys(Config spec, Config typeDefaults, DetectorKind kind) {
    ConfigObject known = typeDefaults.root();
    for (String key : spec.root().keySet()) {
      if (!key.equals("type") && !known.containsKey(key)) {
        throw new IllegalArgumentException(key + " is not a setting of " + kind + " (its settings: "
            + String.join(", ", new TreeSet<>(known.keySet())) + ")");
      }
    }
  }

  /** reference.conf's defaults, read once: they only change with the jar. */
  private static final class ReferenceDefaults {
    static final Config DEFAULTS = load();

    private static Config load() {
      try {
        return ConfigFactory.defaultReference().getConfig(DEFAULTS_PATH);
      } catch (ConfigException e) {
        throw new IllegalStateException("reference.conf lacks " + DEFAULTS_PATH, e);
      }
    }
  }
}
