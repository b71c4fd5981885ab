package io.twinworks.runtime.security;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigReader;
import io.twinworks.runtime.config.InvalidConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * What protects the HTTP API: tokens and rate limit, HTTPS, CORS origins and the request size limit. Refuses a
 * non-loopback bind with security off: the API would then answer anyone on the network.
 */
public record HttpSecurity(
    SecuritySettings security, Optional<TlsSettings> tls, List<String> corsOrigins, long maxRequestBytes) {

  public static HttpSecurity create(Config config) {
    ConfigReader read = new ConfigReader(config);
    SecuritySettings security = SecuritySettings.create(config);
    String host = read.string("twinworks.http.host");
    if (!security.enabled() && !isLoopback(host)) {
      throw new InvalidConfigException("twinworks.http.host", "is '" + host + "', not a loopback address, while "
          + SecuritySettings.KEY + ".enabled is off: the API would answer anyone who can reach it. Turn security on "
          + "(" + SecuritySettings.KEY + ".enabled = true, TWINWORKS_SECURITY_ENABLED=true) with at least one token: "
          + SecuritySettings.HOW_TO + "; or bind to 127.0.0.1");
    }
    List<String> origins = read.stringList("twinworks.http.cors.allowed-origins").stream().map(String::trim).toList();
    for (String origin : origins) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new InvalidConfigException("twinworks.http.cors.allowed-origins",
            "each origin must be scheme://host[:port] with no path, e.g. https://ops.example.com, was '" + origin + "'");
      }
    }
    return new HttpSecurity(security, TlsSettings.create(config), origins,
        read.bytesBetween("twinworks.http.max-request-bytes", 1024, 1L << 30));
  }

  /** Security off, plain HTTP, no CORS: what tests of other features run with. */
  public static HttpSecurity off(long maxRequestBytes) {
    return new HttpSecurity(SecuritySettings.OFF, Optional.empty(), List.of(), maxRequestBytes);
  }

  public String scheme() {
    return tls.isPresent() ? "https" : "http";
  }

  static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
