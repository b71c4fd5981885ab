package io.twinworks.persistence.cassandra.launcher;

import java.nio.file.Path;

/**
 * A Cassandra process started by {@link CassandraLauncher} from {@code dir}. {@link #close()} stops it, so it
 * works as a try-with-resources resource in tests.
 */
public record CassandraNode(Path dir, long pid, String host, int cqlPort, String version) implements AutoCloseable {

  /** {@code 127.0.0.1:PORT}, what a driver's {@code contact-points} wants. */
  public String contactPoint() {
    return host + ":" + cqlPort;
  }

  /** Stops exactly this node's process; false when it was not running any more. */
  public boolean stop() {
    return CassandraLauncher.stop(dir);
  }

  @Override
  public void close() {
    stop();
  }
}
