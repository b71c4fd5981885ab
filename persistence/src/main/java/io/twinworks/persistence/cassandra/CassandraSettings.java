package io.twinworks.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code twinworks.cassandra} settings, read once and checked; errors name the key. {@link #toString()} never
 * shows the password or the truststore password.
 */
public record CassandraSettings(
    List<String> contactPoints,
    String keyspace,
    String localDatacenter,
    Replication replication,
    Optional<String> username,
    Optional<String> password,
    Tls tls,
    Duration requestTimeout,
    boolean autoCreateSchema,
    Duration historyTtl,
    Duration deadLetterTtl,
    Duration rollupInterval) {

  public static final String PREFIX = "twinworks.cassandra.";
  public static final String CONTACT_POINTS_KEY = PREFIX + "contact-points";
  public static final int DEFAULT_PORT = 9042;
  // Cassandra caps a TTL at 20 years.
  private static final long MAX_TTL_SECONDS = 630_720_000L;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");
  private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9_.\\-]+");

  /** Keyspace replication: {@code SimpleStrategy} with a factor, or {@code NetworkTopologyStrategy} per data center. */
  public record Replication(String strategy, int factor, Map<String, Integer> datacenters) {

    public static final String SIMPLE = "SimpleStrategy";
    public static final String NETWORK_TOPOLOGY = "NetworkTopologyStrategy";

    public Replication {
      datacenters = Map.copyOf(datacenters);
    }

    /** The CQL map of {@code CREATE KEYSPACE ... WITH replication = <this>}. */
    public String cql() {
      if (strategy.equals(SIMPLE)) {
        return "{'class': 'SimpleStrategy', 'replication_factor': " + factor + "}";
      }
      StringBuilder cql = new StringBuilder("{'class': 'NetworkTopologyStrategy'");
      new TreeMap<>(datacenters).forEach((dc, n) -> cql.append(", '").append(dc).append("': ").append(n));
      return cql.append('}').toString();
    }
  }

  /** TLS to Cassandra; the truststore holds the CA (or node certificates) to trust. */
  public record Tls(boolean enabled, Optional<Path> truststorePath, Optional<String> truststorePassword,
      boolean hostnameValidation) {

    @Override
    public String toString() {
      return "Tls[enabled=" + enabled + ", truststorePath=" + truststorePath.map(Path::toString).orElse("-")
          + ", truststorePassword=" + (truststorePassword.isPresent() ? "***" : "-")
          + ", hostnameValidation=" + hostnameValidation + "]";
    }
  }

  public static CassandraSettings create(Config config) {
    Config c;
    try {
      c = config.getConfig("twinworks.cassandra");
    } catch (ConfigException e) {
      throw new IllegalArgumentException("missing or invalid config section twinworks.cassandra: " + e.getMessage(), e);
    }
    List<String> contactPoints = contactPoints(c);
    // Unquoted CQL identifiers are case-insensitive and Cassandra stores them in lower case.
    String keyspace = string(c, "keyspace").toLowerCase(java.util.Locale.ROOT);
    if (!IDENTIFIER.matcher(keyspace).matches()) {
      throw new IllegalArgumentException(PREFIX + "keyspace must be a CQL identifier (a letter, then up to 47 "
          + "letters, digits or '_'), was '" + keyspace + "'");
    }
    String dc = string(c, "local-datacenter");
    if (!DATACENTER.matcher(dc).matches()) {
      throw new IllegalArgumentException(PREFIX + "local-datacenter has unexpected characters: '" + dc + "'");
    }
    Optional<String> username = optionalString(c, "username");
    Optional<String> password = optionalString(c, "password");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException(PREFIX + "username and " + PREFIX + "password must be set together");
    }
    Duration requestTimeout = duration(c, "request-timeout");
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException(PREFIX + "request-timeout must be positive, was " + requestTimeout);
    }
    Duration historyTtl = ttl(c, "history-ttl", true);
    Duration deadLetterTtl = ttl(c, "dead-letter-ttl", false);
    Duration rollupInterval = duration(c, "rollup-interval");
    if (rollupInterval.isNegative() || (!rollupInterval.isZero() && rollupInterval.toMillis() < 100)) {
      throw new IllegalArgumentException(PREFIX + "rollup-interval must be 0 (off) or at least 100ms, was "
          + rollupInterval);
    }
    return new CassandraSettings(contactPoints, keyspace, dc, replication(c), username, password, tls(c),
        requestTimeout, bool(c, "auto-create-schema"), historyTtl, deadLetterTtl, rollupInterval);
  }

  public CassandraSettings {
    contactPoints = List.copyOf(contactPoints);
  }

  /** Contact points as socket addresses (resolved now). */
  public List<InetSocketAddress> addresses() {
    return contactPoints.stream().map(CassandraSettings::address).toList();
  }

  /** {@code default_time_to_live} of the telemetry_chunks table: 0 keeps points forever. */
  public long historyTtlSeconds() {
    return historyTtl.toSeconds();
  }

  public int deadLetterTtlSeconds() {
    return (int) deadLetterTtl.toSeconds();
  }

  public CassandraSettings withKeyspace(String keyspace) {
    return new CassandraSettings(contactPoints, keyspace, localDatacenter, replication, username, password, tls,
        requestTimeout, autoCreateSchema, historyTtl, deadLetterTtl, rollupInterval);
  }

  @Override
  public String toString() {
    return "CassandraSettings[contactPoints=" + contactPoints + ", keyspace=" + keyspace + ", localDatacenter="
        + localDatacenter + ", replication=" + replication.cql() + ", username=" + username.orElse("-")
        + ", password=" + (password.isPresent() ? "***" : "-") + ", tls=" + tls + ", requestTimeout="
        + requestTimeout + ", autoCreateSchema=" + autoCreateSchema + ", historyTtl=" + historyTtl
        + ", deadLetterTtl=" + deadLetterTtl + ", rollupInterval=" + rollupInterval + "]";
  }

  private static List<String> contactPoints(Config c) {
    String key = "contact-points";
    List<String> raw;
    try {
      raw = c.getValue(key).valueType() == ConfigValueType.LIST
          ? c.getStringList(key)
          : Arrays.asList(c.getString(key).split(","));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("missing or invalid config key " + PREFIX + key
          + " (a list of \"host:port\" or a comma-separated string): " + e.getMessage(), e);
    }
    List<String> points = new ArrayList<>();
    for (String point : raw) {
      String p = point.trim();
      if (!p.isEmpty()) {
        points.add(normalize(p));
      }
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + key + " is empty; give at least one \"host:port\"");
    }
    return points;
  }

  private static String normalize(String point) {
    int colon = point.lastIndexOf(':');
    boolean bracketed = point.startsWith("[");
    if (colon < 0 || (bracketed && !point.contains("]:")) || (!bracketed && point.indexOf(':') != colon)) {
      return (point.indexOf(':') >= 0 && !bracketed ? "[" + point + "]" : point) + ":" + DEFAULT_PORT;
    }
    String host = point.substring(0, colon);
    String port = point.substring(colon + 1);
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535 || host.isEmpty()) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PREFIX + "contact-points has an invalid entry '" + point
          + "' (expected host:port)");
    }
    return point;
  }

  private static InetSocketAddress address(String point) {
    int colon = point.lastIndexOf(':');
    String host = point.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new InetSocketAddress(host, Integer.parseInt(point.substring(colon + 1)));
  }

  private static Replication replication(Config c) {
    String strategy = string(c, "replication.class");
    if (strategy.equals(Replication.SIMPLE)) {
      int factor = integer(c, "replication.factor");
      if (factor < 1) {
        throw new IllegalArgumentException(PREFIX + "replication.factor must be at least 1, was " + factor);
      }
      return new Replication(strategy, factor, Map.of());
    }
    if (strategy.equals(Replication.NETWORK_TOPOLOGY)) {
      Map<String, Integer> dcs = new TreeMap<>();
      Config section;
      try {
        section = c.getConfig("replication.datacenters");
      } catch (ConfigException e) {
        throw new IllegalArgumentException(PREFIX + "replication.datacenters must be an object like { dc1 = 3 } "
            + "for NetworkTopologyStrategy: " + e.getMessage(), e);
      }
      for (String dc : section.root().keySet()) {
        int n = integer(c, "replication.datacenters.\"" + dc + "\"");
        if (!DATACENTER.matcher(dc).matches() || n < 1) {
          throw new IllegalArgumentException(PREFIX + "replication.datacenters." + dc + " is invalid (" + n + ")");
        }
        dcs.put(dc, n);
      }
      if (dcs.isEmpty()) {
        throw new IllegalArgumentException(PREFIX + "replication.datacenters is empty; NetworkTopologyStrategy "
            + "needs at least one data center, e.g. { dc1 = 3 }");
      }
      return new Replication(strategy, 0, dcs);
    }
    throw new IllegalArgumentException(PREFIX + "replication.class must be SimpleStrategy or "
        + "NetworkTopologyStrategy, was '" + strategy + "'");
  }

  private static Tls tls(Config c) {
    boolean enabled = bool(c, "tls.enabled");
    Optional<Path> truststore = optionalString(c, "tls.truststore-path").map(Path::of);
    Optional<String> truststorePassword = optionalString(c, "tls.truststore-password");
    if (enabled && truststore.isPresent() && !truststore.get().toFile().isFile()) {
      throw new IllegalArgumentException(PREFIX + "tls.truststore-path '" + truststore.get() + "' is not a file");
    }
    return new Tls(enabled, truststore, truststorePassword, bool(c, "tls.hostname-validation"));
  }

  private static Duration ttl(Config c, String key, boolean zeroAllowed) {
    Duration ttl = duration(c, key);
    if (ttl.isNegative() || (!zeroAllowed && ttl.isZero()) || ttl.toSeconds() > MAX_TTL_SECONDS
        || (!ttl.isZero() && ttl.toSeconds() < 1)) {
      throw new IllegalArgumentException(PREFIX + key + " must be " + (zeroAllowed ? "0 (keep forever) or " : "")
          + "between 1 s and 20 years, was " + ttl);
    }
    return ttl;
  }

  private static String string(Config c, String key) {
    try {
      return c.getString(key).trim();
    } catch (ConfigException e) {
      throw new IllegalArgumentException("missing or invalid config key " + PREFIX + key + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> optionalString(Config c, String key) {
    if (!c.hasPath(key)) {
      return Optional.empty();
    }
    return Optional.of(string(c, key)).filter(s -> !s.isEmpty());
  }

  private static int integer(Config c, String key) {
    try {
      return c.getInt(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("missing or invalid config key " + PREFIX + key + ": " + e.getMessage(), e);
    }
  }

  private static boolean bool(Config c, String key) {
    try {
      return c.getBoolean(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("missing or invalid config key " + PREFIX + key + ": " + e.getMessage(), e);
    }
  }

  private static Duration duration(Config c, String key) {
    try {
      return c.getDuration(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("missing or invalid config key " + PREFIX + key + " (a duration such as "
          + "10s or 30d): " + e.getMessage(), e);
    }
  }
}
