package io.twinworks.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CassandraSettingsTest {

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseResources("twinworks-cassandra-store.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  private static CassandraSettings settings(String overrides) {
    return CassandraSettings.create(config(overrides));
  }

  @Test
  void defaults() {
    CassandraSettings s = settings("");
    assertEquals(List.of("127.0.0.1:9042"), s.contactPoints());
    assertEquals("twinworks", s.keyspace());
    assertEquals("datacenter1", s.localDatacenter());
    assertEquals("{'class': 'SimpleStrategy', 'replication_factor': 1}", s.replication().cql());
    assertEquals(Optional.empty(), s.username());
    assertFalse(s.tls().enabled());
    assertTrue(s.tls().hostnameValidation());
    assertEquals(Duration.ofSeconds(10), s.requestTimeout());
    assertFalse(s.autoCreateSchema());
    assertEquals(0, s.historyTtlSeconds());
    assertEquals(30 * 86_400, s.deadLetterTtlSeconds());
    assertEquals(Duration.ofSeconds(5), s.rollupInterval());
  }

  @Test
  void contactPointsAsListOrCommaStringWithDefaultPort() {
    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9142", "[::1]:9042"),
        settings("twinworks.cassandra.contact-points = [\"10.0.0.1\", \"10.0.0.2:9142\", \"::1\"]").contactPoints());
    assertEquals(List.of("a.example:9042", "b.example:9043"),
        settings("twinworks.cassandra.contact-points = \" a.example:9042 , b.example:9043,\"").contactPoints());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> settings("twinworks.cassandra.contact-points = \"host:notaport\""));
    assertTrue(bad.getMessage().contains("twinworks.cassandra.contact-points"), bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> settings("twinworks.cassandra.contact-points = \" , \""));
  }

  @Test
  void networkTopologyReplication() {
    CassandraSettings s = settings("twinworks.cassandra.replication { class = NetworkTopologyStrategy, "
        + "datacenters { dc2 = 2, dc1 = 3 } }");
    assertEquals(Map.of("dc1", 3, "dc2", 2), s.replication().datacenters());
    assertEquals("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}", s.replication().cql());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> settings("twinworks.cassandra.replication.class = NetworkTopologyStrategy"));
    assertTrue(empty.getMessage().contains("twinworks.cassandra.replication.datacenters"), empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> settings("twinworks.cassandra.replication.class = Other"));
  }

  @Test
  void keyspaceMustBeAnIdentifier() {
    assertEquals("plant_7", settings("twinworks.cassandra.keyspace = Plant_7").keyspace());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> settings("twinworks.cassandra.keyspace = \"drop table; x\""));
    assertTrue(e.getMessage().startsWith("twinworks.cassandra.keyspace must be a CQL identifier"), e.getMessage());
  }

  @Test
  void secretsAreNeverShown() {
    CassandraSettings s = settings("twinworks.cassandra { username = app, password = s3cret, "
        + "tls { enabled = true, truststore-password = hunter2 } }");
    assertEquals(Optional.of("s3cret"), s.password());
    assertFalse(s.toString().contains("s3cret"), s.toString());
    assertFalse(s.toString().contains("hunter2"), s.toString());
    assertTrue(s.toString().contains("username=app"));
    assertThrows(IllegalArgumentException.class, () -> settings("twinworks.cassandra.username = app"));
  }

  @Test
  void ttlsAndTimeouts() {
    assertEquals(90 * 86_400, settings("twinworks.cassandra.history-ttl = 90d").historyTtlSeconds());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> settings("twinworks.cassandra.dead-letter-ttl = 0"));
    assertTrue(zero.getMessage().startsWith("twinworks.cassandra.dead-letter-ttl"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> settings("twinworks.cassandra.history-ttl = 30 years"));
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> settings("twinworks.cassandra.request-timeout = soon"));
    assertTrue(timeout.getMessage().contains("twinworks.cassandra.request-timeout"), timeout.getMessage());
  }

  @Test
  void storeProfileAndPluginIds() {
    assertEquals(StoreProfile.EMBEDDED, StoreProfile.from(config("")));
    StoreProfile cassandra = StoreProfile.from(config("twinworks.store.profile = Cassandra"));
    assertEquals(StoreProfile.CASSANDRA, cassandra);
    assertEquals("pekko.persistence.cassandra.snapshot",
        cassandra.pluginConfig().getString("pekko.persistence.snapshot-store.plugin"));
    assertEquals("jdbc-journal", StoreProfile.EMBEDDED.journalPluginId());
    assertEquals(StoreProfile.CASSANDRA, StoreProfile.from(ConfigFactory.parseString("twinworks.store = cassandra")));
    assertThrows(IllegalArgumentException.class, () -> StoreProfile.from(config("twinworks.store.profile = mongo")));
  }

  @Test
  void cassandraProfileConfigPointsThePluginAtOurKeyspace() {
    Config c = config("twinworks.cassandra.keyspace = plant7");
    assertEquals("plant7", c.getString("pekko.persistence.cassandra.journal.keyspace"));
    assertEquals("plant7", c.getString("pekko.persistence.cassandra.snapshot.keyspace"));
    assertFalse(c.getBoolean("pekko.persistence.cassandra.journal.tables-autocreate"));
    assertFalse(c.getBoolean("pekko.persistence.cassandra.events-by-tag.enabled"));
    assertEquals(TwinworksSessionProvider.class.getName(), c.getString("pekko.persistence.cassandra.session-provider"));
    assertFalse(ConfigFactory.parseResources("twinworks-cassandra-store.conf").hasPath("pekko.persistence.journal.plugin"));
  }

  @Test
  void schemaStatementsAreFilledIn() {
    List<String> statements = CassandraSchema.statements(settings("twinworks.cassandra { keyspace = k1, history-ttl = 7d }"));
    assertTrue(statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS k1"), statements.get(0));
    assertTrue(statements.stream().noneMatch(s -> s.contains("${")));
    assertTrue(statements.stream().allMatch(s -> s.contains("IF NOT EXISTS")));
    assertTrue(statements.stream().anyMatch(s -> s.contains("k1.telemetry_chunks (") && s.contains("default_time_to_live = 604800")));
  }
}
