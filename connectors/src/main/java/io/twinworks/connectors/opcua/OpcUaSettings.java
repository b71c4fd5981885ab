package io.twinworks.connectors.opcua;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.twinworks.connectors.ConfigSection;
import io.twinworks.connectors.Backoff;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * The OPC UA endpoints of {@code twinworks.connectors.opcua.endpoints}, each entry's missing keys taken from
 * {@code endpoint-defaults} and each node's from {@code node-defaults}, and the PKI directory
 * {@code <twinworks.data-dir>/opcua/pki}. An error names the key where the bad value is: the entry's
 * ({@code endpoints[0].nodes[2].deadband}) or the default it fell back on ({@code node-defaults.deadband}).
 */
public record OpcUaSettings(List<OpcUaEndpoint> endpoints, Path pkiDir) {

  private static final Set<String> ENDPOINT_KEYS = Set.of("name", "url", "security-policy", "security-mode",
      "identity", "accept-unknown-server-certificates", "publishing-interval", "min-backoff", "max-backoff", "nodes");
  private static final Set<String> NODE_KEYS = Set.of("node-id", "twin", "kind", "signal", "mode", "sampling-interval",
      "queue-size", "deadband", "poll-interval");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  /** Jitter of the reconnect backoff, so that many connectors do not reconnect in step. */
  private static final double RANDOM_FACTOR = 0.2;

  public OpcUaSettings {
    endpoints = List.copyOf(endpoints);
  }

  /**
   * Reads and validates the settings, failing with a {@link com.typesafe.config.ConfigException} naming the key.
   *
   * @param config the application's root config
   */
  public static OpcUaSettings create(Config config) {
    Config opcua = ConfigSection.OPCUA.of(config);
    Config endpointDefaults = ConfigSection.OPCUA.read(opcua, "endpoint-defaults", "endpoint-defaults", Config::getConfig);
    Config nodeDefaults = ConfigSection.OPCUA.read(opcua, "node-defaults", "node-defaults", Config::getConfig);
    List<? extends ConfigObject> entries = ConfigSection.OPCUA.read(opcua, "endpoints", "endpoints", Config::getObjectList);
    List<OpcUaEndpoint> endpoints = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      ConfigObject entry = entries.get(i);
      String at = "endpoints[" + i + "]";
      checkKeys(entry, at, ENDPOINT_KEYS);
      Reader read = new Reader(entry.toConfig().withFallback(endpointDefaults), fallingBackOn(entry, at,
          "endpoint-defaults", endpointDefaults));
      OpcUaEndpoint endpoint = endpoint(read, nodes(read, at, nodeDefaults));
      String earlier = names.putIfAbsent(endpoint.name(), at + ".name");
      if (earlier != null) {
        throw ConfigSection.OPCUA.invalid(at + ".name", "'" + endpoint.name() + "' is already the name of " + earlier
            + "; give each endpoint its own name");
      }
      endpoints.add(endpoint);
    }
    return new OpcUaSettings(endpoints, pkiDir(config));
  }

  /** {@code <twinworks.data-dir>/opcua/pki}, where the client's certificates are ({@code ./data} without a data dir). */
  public static Path pkiDir(Config config) {
    String dataDir = config.hasPath("twinworks.data-dir") ? config.getString("twinworks.data-dir") : "./data";
    return Path.of(dataDir, "opcua", "pki");
  }

  public boolean isEmpty() {
    return endpoints.isEmpty();
  }

  private static OpcUaEndpoint endpoint(Reader read, List<NodeMapping> nodes) {
    String name = read.get("name", Config::getString);
    if (!NAME.matcher(name).matches()) {
      throw ConfigSection.OPCUA.invalid(read.key("name"), "must be letters, digits, '.', '_' or '-', was '" + name + "'");
    }
    String url = read.get("url", Config::getString);
    SecurityPolicy policy = read.parsed("security-policy", OpcUaSettings::securityPolicy);
    MessageSecurityMode mode = read.parsed("security-mode", OpcUaSettings::securityMode);
    String problem = ServerConnection.problemWith(url, policy, mode);
    if (problem != null) {
      throw ConfigSection.OPCUA.invalid(read.key(problem.startsWith("url") ? "url" : problem.startsWith("security policy")
          ? "security-policy" : "security-mode"), problem);
    }
    Duration minBackoff = read.positive("min-backoff");
    Duration maxBackoff = read.positive("max-backoff");
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw ConfigSection.OPCUA.invalid(read.key("max-backoff"), "must not be less than min-backoff (" + minBackoff + "), was "
          + maxBackoff);
    }
    ServerConnection connection = new ServerConnection(url, policy, mode, identity(read),
        read.get("accept-unknown-server-certificates", Config::getBoolean));
    return new OpcUaEndpoint(name, connection, read.positive("publishing-interval"),
        new Backoff(minBackoff, maxBackoff, RANDOM_FACTOR), nodes);
  }

  /** {@code identity = anonymous}, or {@code identity { username = .., password = .. }}. */
  private static Identity identity(Reader read) {
    ConfigValue value = read.get("identity", Config::getValue);
    if (value.valueType() == ConfigValueType.STRING && "anonymous".equals(value.unwrapped())) {
      return Identity.ANONYMOUS;
    }
    if (value.valueType() != ConfigValueType.OBJECT) {
      throw ConfigSection.OPCUA.invalid(read.key("identity"), "must be anonymous or { username = .., password = .. }");
    }
    Config identity = ((ConfigObject) value).toConfig();
    for (String key : ((ConfigObject) value).keySet()) {
      if (!key.equals("username") && !key.equals("password")) {
        throw ConfigSection.OPCUA.invalid(read.key("identity") + "." + key, "unknown key (expected username, password)");
      }
    }
    String username = ConfigSection.OPCUA.read(identity, "username", read.key("identity") + ".username", Config::getString);
    if (username.isBlank()) {
      throw ConfigSection.OPCUA.invalid(read.key("identity") + ".username", "must not be blank");
    }
    return Identity.user(username,
        ConfigSection.OPCUA.read(identity, "password", read.key("identity") + ".password", Config::getString));
  }

  private static List<NodeMapping> nodes(Reader endpoint, String at, Config nodeDefaults) {
    List<? extends ConfigObject> entries = endpoint.get("nodes", Config::getObjectList);
    List<NodeMapping> nodes = new ArrayList<>();
    Map<NodeId, String> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      ConfigObject entry = entries.get(i);
      String nodeAt = at + ".nodes[" + i + "]";
      checkKeys(entry, nodeAt, NODE_KEYS);
      Reader read = new Reader(entry.toConfig().withFallback(nodeDefaults),
          fallingBackOn(entry, nodeAt, "node-defaults", nodeDefaults));
      NodeMapping node = node(read);
      String earlier = seen.putIfAbsent(node.nodeId(), read.key("node-id"));
      if (earlier != null) {
        throw ConfigSection.OPCUA.invalid(read.key("node-id"), "'" + node.nodeIdText() + "' is already mapped by " + earlier);
      }
      nodes.add(node);
    }
    return nodes;
  }

  private static NodeMapping node(Reader read) {
    NodeId nodeId = read.parsed("node-id", text -> NodeId.parseSafe(text).orElseThrow(() ->
        new IllegalArgumentException("must be an OPC UA node id such as ns=2;s=Line1.Temp or ns=3;i=1001, was '"
            + text + "'")));
    TwinId twin = read.parsed("twin", TwinId::of);
    String signal = read.get("signal", Config::getString);
    if (signal.isBlank()) {
      throw ConfigSection.OPCUA.invalid(read.key("signal"), "must not be blank");
    }
    int queueSize = read.get("queue-size", Config::getInt);
    if (queueSize < 1) {
      throw ConfigSection.OPCUA.invalid(read.key("queue-size"), "must be at least 1, was " + queueSize);
    }
    Duration sampling = read.get("sampling-interval", Config::getDuration);
    if (sampling.isNegative()) {
      throw ConfigSection.OPCUA.invalid(read.key("sampling-interval"), "must not be negative (0 asks the server for its fastest rate), "
          + "was " + sampling);
    }
    return new NodeMapping(nodeId, twin, read.parsed("kind", TwinKind::of), signal,
        read.parsed("mode", OpcUaSettings::mode), sampling, queueSize, read.parsed("deadband", Deadband::parse),
        read.positive("poll-interval"));
  }

  private static NodeMapping.Mode mode(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "subscribe" -> NodeMapping.Mode.SUBSCRIBE;
      case "poll" -> NodeMapping.Mode.POLL;
      default -> throw new IllegalArgumentException("must be subscribe or poll, was '" + text + "'");
    };
  }

  private static SecurityPolicy securityPolicy(String text) {
    return ServerConnection.POLICIES.stream().filter(p -> p.name().equalsIgnoreCase(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be None, Basic256Sha256 or Aes128_Sha256_RsaOaep, was '"
            + text + "'"));
  }

  private static MessageSecurityMode securityMode(String text) {
    for (MessageSecurityMode mode : List.of(MessageSecurityMode.None, MessageSecurityMode.Sign,
        MessageSecurityMode.SignAndEncrypt)) {
      if (mode.name().equalsIgnoreCase(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("must be None, Sign or SignAndEncrypt, was '" + text + "'");
  }

  private static void checkKeys(ConfigObject entry, String at, Set<String> allowed) {
    for (String key : entry.keySet()) {
      if (!allowed.contains(key)) {
        throw ConfigSection.OPCUA.invalid(at + "." + key, "unknown key (expected " + String.join(", ", allowed.stream().sorted().toList())
            + ")");
      }
    }
  }

  /** Names a key of the entry, or of the defaults when the entry lacks it. */
  private static UnaryOperator<String> fallingBackOn(ConfigObject entry, String at, String defaultsName,
      Config defaults) {
    return key -> entry.containsKey(key) || !defaults.hasPath(key) ? at + "." + key : defaultsName + "." + key;
  }

  /** Reads an entry's keys, naming the key where the value came from in every error. */
  private record Reader(Config entry, UnaryOperator<String> reportedAs) {

    String key(String key) {
      return reportedAs.apply(key);
    }

    <T> T get(String key, BiFunction<Config, String, T> getter) {
      return ConfigSection.OPCUA.read(entry, key, key(key), getter);
    }

    <T> T parsed(String key, Function<String, T> parser) {
      try {
        return parser.apply(get(key, Config::getString));
      } catch (IllegalArgumentException e) {
        throw ConfigSection.OPCUA.invalid(key(key), e.getMessage());
      }
    }

    Duration positive(String key) {
      return ConfigSection.OPCUA.positiveDuration(entry, key, key(key));
    }
  }
}
