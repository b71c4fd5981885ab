package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.persistence.StoreException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.pekko.stream.connectors.cassandra.DriverConfigLoaderFromConfig;

/**
 * Builds driver sessions from {@link CassandraSettings}, the one place that maps {@code twinworks.cassandra.*} to
 * the driver: contact points, local data center, timeouts and consistency go into the driver config; credentials
 * and TLS are set in code, because the driver's config can only name a truststore file and a plain password,
 * while here the settings stay optional and the password never lands in a config dump.
 */
final class CassandraSessions {

  static final String DRIVER_SECTION = "datastax-java-driver";

  private CassandraSessions() {}

  /**
   * A session builder. {@code driverSection} is the {@code datastax-java-driver} section (profiles and anything
   * else an operator tunes); the settings override what they own. With {@code reconnectOnInit} the session keeps
   * trying unreachable contact points instead of failing (the journal's session does; the store's fails fast).
   */
  static CqlSessionBuilder builder(CassandraSettings settings, Config driverSection, boolean reconnectOnInit) {
    Map<String, Object> own = new HashMap<>();
    String timeout = settings.requestTimeout().toMillis() + "ms";
    own.put("basic.request.timeout", timeout);
    own.put("basic.request.consistency", "LOCAL_QUORUM");
    own.put("basic.load-balancing-policy.local-datacenter", settings.localDatacenter());
    own.put("advanced.reconnect-on-init", reconnectOnInit);
    own.put("advanced.connection.init-query-timeout", timeout);
    own.put("advanced.connection.connect-timeout", timeout);
    own.put("advanced.control-connection.timeout", timeout);
    own.put("advanced.metadata.schema.request-timeout", timeout);
    Config driver = ConfigFactory.parseMap(own).withFallback(driverSection);
    CqlSessionBuilder builder = CqlSession.builder()
        .withConfigLoader(DriverConfigLoaderFromConfig.fromConfig(driver))
        .addContactPoints(settings.addresses())
        .withLocalDatacenter(settings.localDatacenter());
    if (settings.username().isPresent()) {
      builder.withAuthCredentials(settings.username().get(), settings.password().orElseThrow());
    }
    if (settings.tls().enabled()) {
      builder.withSslEngineFactory(new ProgrammaticSslEngineFactory(sslContext(settings.tls()), null,
          settings.tls().hostnameValidation()));
    }
    return builder;
  }

  /** The driver section of an application config, with the driver's defaults when the config lacks them. */
  static Config driverSection(Config root) {
    Config withDefaults = root.withFallback(ConfigFactory.defaultReference(CassandraSessions.class.getClassLoader()));
    return withDefaults.getConfig(DRIVER_SECTION);
  }

  private static SSLContext sslContext(CassandraSettings.Tls tls) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (tls.truststorePath().isPresent()) {
        char[] password = tls.truststorePassword().map(String::toCharArray).orElse(null);
        trust.init(KeyStore.getInstance(tls.truststorePath().get().toFile(), password));
      } else {
        trust.init((KeyStore) null);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new StoreException("cannot load the truststore of " + CassandraSettings.PREFIX + "tls.truststore-path ("
          + tls.truststorePath().map(Object::toString).orElse("JVM default") + "): " + e.getMessage(), e);
    }
  }
}
