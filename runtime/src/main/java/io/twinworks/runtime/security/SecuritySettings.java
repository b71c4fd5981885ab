package io.twinworks.runtime.security;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigReader;
import io.twinworks.runtime.config.InvalidConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code twinworks.security}: whether the HTTP API asks for tokens, the tokens, and the rate limit per token. */
public record SecuritySettings(boolean enabled, List<ApiToken> tokens, RateLimit rateLimit) {

  static final String KEY = "twinworks.security";
  static final String HOW_TO =
      "create one with 'bin/twinworks token new --tenant <tenant>' (or --admin) and add the printed entry to "
      + KEY + ".tokens";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public static final SecuritySettings OFF = new SecuritySettings(false, List.of(), RateLimit.OFF);

  public static SecuritySettings create(Config config) {
    ConfigReader read = new ConfigReader(config);
    boolean enabled = read.bool(KEY + ".enabled");
    List<ApiToken> tokens = tokens(read.configList(KEY + ".tokens"));
    if (enabled && tokens.isEmpty()) {
      throw new InvalidConfigException(KEY + ".tokens", "is empty while " + KEY + ".enabled is on, so no request "
          + "could be answered: " + HOW_TO);
    }
    double perSecond = read.nonNegativeDouble(KEY + ".rate-limit.requests-per-second");
    int burst = read.intBetween(KEY + ".rate-limit.burst", 1, 1_000_000);
    return new SecuritySettings(enabled, tokens, new RateLimit(perSecond, burst));
  }

  private static List<ApiToken> tokens(List<? extends Config> entries) {
    List<ApiToken> tokens = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      ApiToken token = token(KEY + ".tokens[" + i + "]", entries.get(i));
      if (!names.add(token.name())) {
        throw new InvalidConfigException(KEY + ".tokens[" + i + "].name", "'" + token.name() + "' is used twice");
      }
      if (!hashes.add(token.sha256Hex().toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidConfigException(KEY + ".tokens[" + i + "].sha256", "is the hash of another entry too; "
            + "give each client its own token");
      }
      tokens.add(token);
    }
    return List.copyOf(tokens);
  }

  private static ApiToken token(String key, Config entry) {
    String name = entry.hasPath("name") ? entry.getString("name") : "";
    if (!NAME.matcher(name).matches()) {
      throw new InvalidConfigException(key + ".name", "must be 1..64 letters, digits, '.', '_' or '-', was '"
          + name + "'");
    }
    String hash = entry.hasPath("sha256") ? entry.getString("sha256").trim() : "";
    if (!TokenHashes.isSha256Hex(hash)) {
      // The value is not echoed: it may be a token pasted by mistake.
      throw new InvalidConfigException(key + ".sha256", "must be the 64 hex digits of the token's SHA-256, not the "
          + "token itself; 'bin/twinworks token new' prints a token and its entry");
    }
    boolean admin = entry.hasPath("admin") && entry.getBoolean("admin");
    String tenant = entry.hasPath("tenant") ? entry.getString("tenant") : "";
    boolean readOnly = entry.hasPath("read-only") && entry.getBoolean("read-only");
    if (tenant.equals("*")) {
      admin = true;
      tenant = "";
    }
    if (admin == !tenant.isEmpty()) {
      throw new InvalidConfigException(key, "token '" + name + "' needs exactly one of tenant = \"<tenant>\" or "
          + "admin = true");
    }
    if (!admin && !TENANT.matcher(tenant).matches()) {
      throw new InvalidConfigException(key + ".tenant", "must be a tenant (letters, digits, '.', '_', '-'), was '"
          + tenant + "'");
    }
    Principal principal = admin ? Principal.admin(name, readOnly) : Principal.tenant(name, tenant, readOnly);
    return new ApiToken(name, hash, principal);
  }
}
