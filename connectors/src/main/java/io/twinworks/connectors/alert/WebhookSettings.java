package io.twinworks.connectors.alert;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import io.twinworks.connectors.Backoff;
import io.twinworks.connectors.ConfigSection;
import io.twinworks.twins.alert.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The webhook endpoints: each entry of {@code twinworks.alerts.webhooks}, its missing keys taken from
 * {@code twinworks.alerts.webhook-defaults}, then one more from {@code webhook-url} / {@code webhook-secret}
 * when that URL is set (e.g. with {@code TWINWORKS_WEBHOOK_URL}). An error names the key where the bad value
 * is: the entry's ({@code webhooks[1].timeout}) or the default it fell back on ({@code webhook-defaults.timeout}).
 */
public record WebhookSettings(List<WebhookEndpoint> endpoints) {

  private static final Set<String> ENTRY_KEYS = Set.of("name", "url", "secret", "tenant", "min-severity", "timeout",
      "max-attempts", "min-backoff", "max-backoff", "random-factor", "max-pending");
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]+");

  public WebhookSettings {
    endpoints = List.copyOf(endpoints);
  }

  /**
   * Reads and validates the endpoints, failing with a {@link com.typesafe.config.ConfigException} naming the key.
   *
   * @param config the application's root config, or its {@code twinworks.alerts} section
   */
  public static WebhookSettings create(Config config) {
    Config alerts = ConfigSection.ALERTS.of(config);
    Config defaults = ConfigSection.ALERTS.read(alerts, "webhook-defaults", Config::getConfig);
    List<? extends ConfigObject> entries = ConfigSection.ALERTS.read(alerts, "webhooks", Config::getObjectList);
    List<WebhookEndpoint> endpoints = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      ConfigObject entry = entries.get(i);
      String at = "webhooks[" + i + "]";
      for (String key : entry.keySet()) {
        if (!ENTRY_KEYS.contains(key)) {
          throw ConfigSection.ALERTS.invalid(at + "." + key, "unknown key (expected " + String.join(", ", ENTRY_KEYS.stream().sorted().toList())
              + ")");
        }
      }
      UnaryOperator<String> reportedAs = key -> entry.containsKey(key) || !defaults.hasPath(key)
          ? at + "." + key : "webhook-defaults." + key;
      endpoints.add(unique(endpoint(entry.toConfig().withFallback(defaults), reportedAs), reportedAs, names));
    }
    String url = ConfigSection.ALERTS.read(alerts, "webhook-url", Config::getString);
    if (!url.isBlank()) {
      Config single = ConfigFactory.parseMap(Map.of(
          "url", url, "secret", ConfigSection.ALERTS.read(alerts, "webhook-secret", Config::getString)));
      UnaryOperator<String> reportedAs = key -> key.equals("url") || key.equals("secret")
          ? "webhook-" + key : "webhook-defaults." + key;
      endpoints.add(unique(endpoint(single.withFallback(defaults), reportedAs), key -> "webhook-url", names));
    }
    return new WebhookSettings(endpoints);
  }

  public boolean isEmpty() {
    return endpoints.isEmpty();
  }

  private static WebhookEndpoint endpoint(Config entry, UnaryOperator<String> reportedAs) {
    Reader read = new Reader(entry, reportedAs);
    URI url = url(read.get("url", Config::getString), reportedAs.apply("url"));
    String name = entry.hasPath("name") ? read.get("name", Config::getString) : origin(url);
    if (name.isBlank()) {
      throw ConfigSection.ALERTS.invalid(reportedAs.apply("name"), "must not be blank");
    }
    String tenant = read.get("tenant", Config::getString);
    if (!tenant.isEmpty() && !TENANT.matcher(tenant).matches()) {
      throw ConfigSection.ALERTS.invalid(reportedAs.apply("tenant"), "must be empty (every tenant) or a tenant id of letters, digits, "
          + "'.', '_', '-', was '" + tenant + "'");
    }
    Severity minSeverity = read.parsed("min-severity", Severity::parse);
    int maxAttempts = read.atLeastOne("max-attempts");
    Duration minBackoff = read.positive("min-backoff");
    Duration maxBackoff = read.positive("max-backoff");
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw ConfigSection.ALERTS.invalid(reportedAs.apply("max-backoff"), "must not be less than min-backoff (" + minBackoff + "), was "
          + maxBackoff);
    }
    double randomFactor = read.get("random-factor", Config::getDouble);
    if (!(randomFactor >= 0 && randomFactor <= 1)) {
      throw ConfigSection.ALERTS.invalid(reportedAs.apply("random-factor"), "must be between 0 and 1, was " + randomFactor);
    }
    return new WebhookEndpoint(name, url, read.get("secret", Config::getString), tenant, minSeverity,
        read.positive("timeout"), maxAttempts, new Backoff(minBackoff, maxBackoff, randomFactor),
        read.atLeastOne("max-pending"));
  }

  private static WebhookEndpoint unique(WebhookEndpoint endpoint, UnaryOperator<String> reportedAs,
      Map<String, String> names) {
    String earlier = names.putIfAbsent(endpoint.name(), reportedAs.apply("name"));
    if (earlier != null) {
      throw ConfigSection.ALERTS.invalid(reportedAs.apply("name"), "'" + endpoint.name() + "' is already the name of " + earlier
          + "; give each endpoint its own name");
    }
    return endpoint;
  }

  /** The URL is not shown in errors: it may carry a token. */
  private static URI url(String text, String key) {
    try {
      URI url = new URI(text);
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw ConfigSection.ALERTS.invalid(key, "must be an absolute http:// or https:// URL with a host");
  }

  /** The default name: scheme, host and port, which never hold a token. */
  private static String origin(URI url) {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  /** Reads an entry's keys, naming the key where the value came from in every error. */
  private record Reader(Config entry, UnaryOperator<String> reportedAs) {

    <T> T get(String key, BiFunction<Config, String, T> getter) {
      return ConfigSection.ALERTS.read(entry, key, reportedAs.apply(key), getter);
    }

    <T> T parsed(String key, Function<String, T> parser) {
      try {
        return parser.apply(get(key, Config::getString));
      } catch (IllegalArgumentException e) {
        throw ConfigSection.ALERTS.invalid(reportedAs.apply(key), e.getMessage());
      }
    }

    Duration positive(String key) {
      return ConfigSection.ALERTS.positiveDuration(entry, key, reportedAs.apply(key));
    }

    int atLeastOne(String key) {
      int value = get(key, Config::getInt);
      if (value < 1) {
        throw ConfigSection.ALERTS.invalid(reportedAs.apply(key), "must be at least 1, was " + value);
      }
      return value;
    }
  }
}
