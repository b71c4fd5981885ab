package io.twinworks.persistence.cassandra.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to launch a dev/test Cassandra.
 *
 * @param dir          the run folder: conf, data, logs, pid and run record of this node
 * @param cqlPort      the CQL (native transport) port on 127.0.0.1; 0 picks a free one
 * @param version      the {@code org.apache.cassandra:cassandra-all} version, resolved from Maven Central
 * @param heap         JVM heap, {@code -Xms} = {@code -Xmx}, e.g. {@code 512M}
 * @param startTimeout how long to wait until CQL answers
 * @param clientAddress the address CQL clients connect to: {@code 127.0.0.1}, or {@code 0.0.0.0} for every interface
 *     (a test whose runtimes live in other network namespaces); the node always tells drivers {@code 127.0.0.1}
 */
public record LaunchSettings(Path dir, int cqlPort, String version, String heap, Duration startTimeout,
    String clientAddress) {

  public static final int DEFAULT_CQL_PORT = 9042;
  public static final String DEFAULT_VERSION = "5.0.9";
  /** 1 GB: a 512 MB node ran out of heap after an hour and a half of benchmark load (10,000 readings/s). */
  public static final String DEFAULT_HEAP = "1G";
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
  public static final String LOOPBACK = "127.0.0.1";
  public static final String EVERY_INTERFACE = "0.0.0.0";

  private static final Pattern VERSION = Pattern.compile("5\\.0\\.\\d+");
  private static final Pattern HEAP = Pattern.compile("\\d+[mMgG]");

  public LaunchSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(clientAddress, "clientAddress");
    if (!clientAddress.equals(LOOPBACK) && !clientAddress.equals(EVERY_INTERFACE)) {
      throw new IllegalArgumentException("client address must be " + LOOPBACK + " or " + EVERY_INTERFACE + ", was '"
          + clientAddress + "'");
    }
    if (cqlPort < 0 || cqlPort > 65535) {
      throw new IllegalArgumentException("CQL port must be 0..65535 (0 = a free one), was " + cqlPort);
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("Cassandra version must be 5.0.x, was '" + version + "'");
    }
    if (!HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException("heap must look like 512M or 1G, was '" + heap + "'");
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("start timeout must be positive, was " + startTimeout);
    }
  }

  /** Defaults for everything but the folder and the CQL port. */
  public static LaunchSettings of(Path dir, int cqlPort) {
    return new LaunchSettings(dir, cqlPort, DEFAULT_VERSION, DEFAULT_HEAP, DEFAULT_START_TIMEOUT, LOOPBACK);
  }

  public LaunchSettings withVersion(String newVersion) {
    return new LaunchSettings(dir, cqlPort, newVersion, heap, startTimeout, clientAddress);
  }

  public LaunchSettings withHeap(String newHeap) {
    return new LaunchSettings(dir, cqlPort, version, newHeap, startTimeout, clientAddress);
  }

  public LaunchSettings withStartTimeout(Duration newTimeout) {
    return new LaunchSettings(dir, cqlPort, version, heap, newTimeout, clientAddress);
  }

  /** CQL on every interface ({@link #EVERY_INTERFACE}) or on loopback only ({@link #LOOPBACK}). */
  public LaunchSettings withClientAddress(String newAddress) {
    return new LaunchSettings(dir, cqlPort, version, heap, startTimeout, newAddress);
  }
}
