package io.twinworks.persistence.cassandra.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real Cassandra: start, status, CQL, no second process, stop exactly it; and a busy port refused up front. */
class CassandraLauncherIT {

  @TempDir
  Path dir;

  @Test
  void startsOnceAnswersCqlAndStopsExactlyItsProcess() throws IOException {
    int port = freePort();
    List<String> progress = new ArrayList<>();
    CassandraNode node = CassandraLauncher.start(LaunchSettings.of(dir, port), line -> {
      progress.add(line);
      System.out.println("[cassandra] " + line);
    });
    try {
      assertEquals("127.0.0.1:" + port, node.contactPoint());
      assertTrue(progress.stream().anyMatch(l -> l.contains("ready")), progress.toString());
      assertEquals(List.of(Long.toString(node.pid())), Files.readAllLines(dir.resolve("cassandra.pid")));
      assertTrue(String.join(" ", LocalProcess.cmdline(node.pid())).contains("CassandraDaemon"));

      Status status = CassandraLauncher.status(dir);
      assertTrue(status.running(), status.describe());
      assertTrue(status.cqlAnswering(), status.describe());
      assertEquals(node.pid(), status.pid());
      assertEquals(port, status.cqlPort());
      assertEquals("5.0.9", CqlProbe.releaseVersion("127.0.0.1", port, Duration.ofSeconds(10)));

      CassandraNode again = CassandraLauncher.start(LaunchSettings.of(dir, port));
      assertEquals(node, again);
    } finally {
      assertTrue(CassandraLauncher.stop(dir, line -> System.out.println("[cassandra] " + line)));
    }
    assertFalse(ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false), "process gone");
    assertFalse(Ports.accepts(port, 1000), "CQL port closed");
    Status stopped = CassandraLauncher.status(dir);
    assertFalse(stopped.running(), stopped.describe());
    assertFalse(CassandraLauncher.stop(dir), "a second stop finds nothing to stop");
  }

  @Test
  void busyPortIsRefusedBeforeAnythingStarts() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      CassandraLaunchException e = assertThrows(CassandraLaunchException.class,
          () -> CassandraLauncher.start(LaunchSettings.of(dir, port)));
      assertTrue(e.getMessage().contains("port " + port + " on 127.0.0.1 is in use"), e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("cassandra.pid")), "no process recorded");
    assertFalse(Files.exists(dir.resolve("conf")), "nothing written");
    assertFalse(CassandraLauncher.status(dir).running());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
