package io.twinworks.connectors.route;


import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.twinworks.connectors.ConfigSection;
import io.twinworks.connectors.codec.JsonPayloads;
import io.twinworks.connectors.codec.PayloadCodec;
import io.twinworks.connectors.codec.PayloadCodecs;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Reads and validates {@code twinworks.mqtt.routes}. */
final class RouteConfig {

  private static final Set<String> KEYS = Set.of("name", "topic", "tenant", "kind", "twin-id", "signal", "payload");

  private RouteConfig() {}

  static TopicRoutes read(Config config) {
    Config mqtt = ConfigSection.MQTT.of(config);
    int maxPayloadBytes = ConfigSection.MQTT.read(mqtt, "max-payload-bytes", Config::getInt);
    if (maxPayloadBytes <= 0) {
      throw ConfigSection.MQTT.invalid("max-payload-bytes", "must be positive, was " + maxPayloadBytes);
    }
    Duration maxFutureSkew = ConfigSection.MQTT.read(mqtt, "max-future-skew", Config::getDuration);
    if (maxFutureSkew.isNegative()) {
      throw ConfigSection.MQTT.invalid("max-future-skew", "must not be negative, was " + maxFutureSkew);
    }
    Map<String, PayloadCodec> codecs = PayloadCodecs.standard(new JsonPayloads(maxFutureSkew));
    List<? extends ConfigObject> entries = ConfigSection.MQTT.read(mqtt, "routes", Config::getObjectList);
    if (entries.isEmpty()) {
      throw ConfigSection.MQTT.invalid("routes", "is empty; at least one route is needed");
    }
    List<TopicRoute> routes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      TopicRoute route = route(entries.get(i), "routes[" + i + "]", codecs);
      if (!names.add(route.name())) {
        throw ConfigSection.MQTT.invalid("routes[" + i + "].name", "route name '" + route.name() + "' is used twice");
      }
      routes.add(route);
    }
    return new TopicRoutes(routes, maxPayloadBytes);
  }

  private static TopicRoute route(ConfigObject entry, String at, Map<String, PayloadCodec> codecs) {
    for (String key : entry.keySet()) {
      if (!KEYS.contains(key)) {
        throw ConfigSection.MQTT.invalid(at + "." + key, "unknown key (expected " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
    }
    String name = string(entry, at, "name");
    TopicPattern topic = parse(at + ".topic", () -> TopicPattern.parse(string(entry, at, "topic")));
    String tenant = entry.containsKey("tenant") ? string(entry, at, "tenant") : "";
    if (!tenant.isEmpty() && (tenant.contains(":") || !TwinId.isValid(tenant + ":x"))) {
      throw ConfigSection.MQTT.invalid(at + ".tenant",
          "'" + tenant + "' is not a tenant id (letters, digits, '.', '_', '-')");
    }
    String kindId = string(entry, at, "kind");
    TwinKind kind = TwinKind.find(kindId).orElseThrow(() -> ConfigSection.MQTT.invalid(at + ".kind",
        "unknown kind '" + kindId + "' (expected sensor, machine or battery-pack)"));
    List<String> optional = topic.optionalVariable().stream().toList();
    Template twinId = parse(at + ".twin-id",
        () -> Template.parse(string(entry, at, "twin-id"), topic.variables(), optional));
    List<String> signalVariables = new ArrayList<>(topic.variables());
    signalVariables.add(Template.SIGNAL);
    String signalText = entry.containsKey("signal") ? string(entry, at, "signal") : "{" + Template.SIGNAL + "}";
    Template signal = parse(at + ".signal", () -> Template.parse(signalText, signalVariables, optional));
    String codecName = string(entry, at, "payload");
    PayloadCodec codec = codecs.get(codecName);
    if (codec == null) {
      throw ConfigSection.MQTT.invalid(at + ".payload", "unknown payload '" + codecName + "' (expected "
          + String.join(", ", codecs.keySet().stream().sorted().toList()) + ")");
    }
    return new TopicRoute(name, topic, tenant, kind, twinId, signal, codec);
  }

  private static String string(ConfigObject entry, String at, String key) {
    ConfigValue value = entry.get(key);
    if (value == null) {
      throw ConfigSection.MQTT.invalid(at + "." + key, "missing");
    }
    if (value.valueType() != ConfigValueType.STRING || ((String) value.unwrapped()).isBlank()) {
      throw ConfigSection.MQTT.invalid(at + "." + key, "must be a non-empty string, was " + value.render());
    }
    return (String) value.unwrapped();
  }

  private static <T> T parse(String key, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw ConfigSection.MQTT.invalid(key, e.getMessage());
    }
  }
}
