package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CqlSessionProvider;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;

/**
 * The session pekko-persistence-cassandra uses ({@code pekko.persistence.cassandra.session-provider}), built from
 * {@code twinworks.cassandra.*} like the store's own session, so contact points (a list or a comma string),
 * credentials and TLS are configured once. Keeps retrying while Cassandra is unreachable at startup.
 */
public final class TwinworksSessionProvider implements CqlSessionProvider {

  private final ActorSystem system;
  private final Config pluginConfig;

  public TwinworksSessionProvider(ActorSystem system, Config pluginConfig) {
    this.system = system;
    this.pluginConfig = pluginConfig;
  }

  @Override
  public Future<CqlSession> connect(ExecutionContext ec) {
    CassandraSettings settings = CassandraSettings.create(system.settings().config());
    Config driver = CqlSessionProvider.driverConfig(system, pluginConfig);
    return FutureConverters.asScala(CassandraSessions.builder(settings, driver, true).buildAsync());
  }
}
