package io.twinworks.persistence.cassandra.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CassandraConfigFilesTest {

  private static final NodePorts PORTS = new NodePorts(19042, 17000, 17001, 17199);
  private static final RunLayout LAYOUT = new RunLayout(Path.of("/tmp/cassandra-node"));

  @Test
  void cqlListensOnLoopbackByDefault() {
    String yaml = CassandraConfigFiles.yaml(LAYOUT, PORTS, LaunchSettings.of(LAYOUT.dir(), 0).clientAddress());
    assertTrue(yaml.contains("\nrpc_address: 127.0.0.1\n"), yaml);
    assertTrue(yaml.contains("\nlisten_address: 127.0.0.1\n"), yaml);
    assertTrue(yaml.contains("\nnative_transport_port: 19042\n"), yaml);
  }

  @Test
  void cqlOnEveryInterfaceStillTellsDriversLoopback() {
    String yaml = CassandraConfigFiles.yaml(LAYOUT, PORTS, LaunchSettings.EVERY_INTERFACE);
    assertTrue(yaml.contains("\nrpc_address: 0.0.0.0\n"), yaml);
    // Cassandra refuses rpc_address 0.0.0.0 without a broadcast address; storage stays on loopback
    assertTrue(yaml.contains("\nbroadcast_rpc_address: 127.0.0.1\n"), yaml);
    assertTrue(yaml.contains("\nlisten_address: 127.0.0.1\n"), yaml);
  }

  @Test
  void anyOtherClientAddressIsRefused() {
    LaunchSettings settings = LaunchSettings.of(LAYOUT.dir(), 0);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> settings.withClientAddress("10.0.0.1"));
    assertTrue(refused.getMessage().contains("10.0.0.1"), refused.getMessage());
  }
}
