package io.twinworks.persistence.cassandra.launcher;

/** The loopback ports of one node: CQL as asked, the others free ones. */
record NodePorts(int cql, int storage, int sslStorage, int jmx) {}
