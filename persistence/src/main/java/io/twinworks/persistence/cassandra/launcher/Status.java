package io.twinworks.persistence.cassandra.launcher;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link CassandraLauncher#status(Path)} found in a run folder.
 *
 * @param running      the recorded process is alive and is the Cassandra started from {@code dir}
 * @param cqlAnswering a CQL query answered (false while it is still starting)
 * @param pid          the recorded process id, 0 when none is recorded
 * @param cqlPort      the recorded CQL port, 0 when none is recorded
 * @param version      the recorded Cassandra version, empty when none is recorded
 */
public record Status(Path dir, boolean running, boolean cqlAnswering, long pid, String host, int cqlPort,
    String version) {

  static Status stopped(Path dir, Optional<RunRecord> last) {
    return last.map(r -> new Status(dir, false, false, r.pid(), r.host(), r.cqlPort(), r.version()))
        .orElseGet(() -> new Status(dir, false, false, 0, "127.0.0.1", 0, ""));
  }

  public String contactPoint() {
    return host + ":" + cqlPort;
  }

  /** The running node, when there is one. */
  public Optional<CassandraNode> node() {
    return running ? Optional.of(new CassandraNode(dir, pid, host, cqlPort, version)) : Optional.empty();
  }

  /** One line for a person: {@code running, pid 1234, CQL at 127.0.0.1:9042} or {@code stopped}. */
  public String describe() {
    if (!running) {
      return "stopped (" + dir + ")";
    }
    return (cqlAnswering ? "running" : "running, CQL not answering yet") + ", pid " + pid + ", Cassandra "
        + version + ", CQL at " + contactPoint() + " (" + dir + ")";
  }
}
