package io.twinworks.testsupport;

import io.twinworks.persistence.cassandra.launcher.CassandraLauncher;
import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import io.twinworks.persistence.cassandra.launcher.LaunchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Cassandra 5.0 for integration tests, on a free loopback port, in a fresh folder under
 * {@code target/cassandra-it/}. The jars' classpath is cached per user, so only the first start on a machine runs
 * Maven; every start still takes 10–20 s, so share one node per test class.
 *
 * <pre>{@code
 * @RegisterExtension static final CassandraFixture CASSANDRA = new CassandraFixture();
 * ... CASSANDRA.node().contactPoint() ...
 * }</pre>
 * or {@code try (CassandraNode node = CassandraFixture.start()) { ... }}. A JVM shutdown hook stops a node
 * the test forgot, so no Cassandra outlives the test JVM.
 */
public final class CassandraFixture implements BeforeAllCallback, AfterAllCallback {

  private CassandraNode node;

  /** Starts a node in a new folder; close it (or {@link CassandraNode#stop()}) when done. */
  public static CassandraNode start() {
    return start(LaunchSettings.LOOPBACK);
  }

  /**
   * Starts a node whose CQL port listens on {@code clientAddress}: {@link LaunchSettings#EVERY_INTERFACE} lets runtimes
   * in other network namespaces reach it.
   */
  public static CassandraNode start(String clientAddress) {
    Path dir = newDir();
    CassandraNode node = CassandraLauncher.start(LaunchSettings.of(dir, 0).withClientAddress(clientAddress),
        line -> System.out.println("[cassandra] " + line));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        CassandraLauncher.stop(dir);
      } catch (RuntimeException e) {
        System.err.println("[cassandra] could not stop " + dir + ": " + e.getMessage());
      }
    }, "cassandra-fixture-stop"));
    return node;
  }

  /** The node of the current test class. */
  public CassandraNode node() {
    if (node == null) {
      throw new IllegalStateException("CassandraFixture is not started: register it with @RegisterExtension static");
    }
    return node;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    node = start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (node != null) {
      node.stop();
      node = null;
    }
  }

  private static Path newDir() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "cassandra-it");
    try {
      Files.createDirectories(base);
      return Files.createTempDirectory(base, "node-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Cassandra folder under " + base, e);
    }
  }
}
