package io.twinworks.persistence.cassandra.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.CassandraFixture;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fixture other modules' integration tests use: one node per class, on a free port, answering CQL. */
class CassandraFixtureIT {

  @RegisterExtension
  static final CassandraFixture CASSANDRA = new CassandraFixture();

  @Test
  void givesARunningNodeOnAFreePort() throws IOException {
    var node = CASSANDRA.node();
    assertTrue(node.contactPoint().startsWith("127.0.0.1:"), node.contactPoint());
    assertTrue(CassandraLauncher.status(node.dir()).running());
    assertEquals("5.0.9", CqlProbe.releaseVersion(node.host(), node.cqlPort(), Duration.ofSeconds(10)));
  }
}
