package io.twinworks.persistence.cassandra.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts, stops and inspects a dev/test Cassandra 5.0 from Maven Central jars: a separate, detached JVM on
 * 127.0.0.1 whose conf, data, logs and run record live in one folder.
 *
 * <ul>
 *   <li>{@link #start} checks the CQL port, resolves the jars (cached per user), writes the config, starts the
 *       JVM in its own session, records its PID in {@code cassandra.pid} and {@code cassandra.json}, and returns
 *       once a CQL query answers. A folder whose recorded node is alive is not started twice.</li>
 *   <li>{@link #stop} signals only the recorded PID, and only when {@code /proc/<pid>/cmdline} shows it is the
 *       Cassandra started from that folder: SIGTERM, up to 60 s, then SIGKILL.</li>
 * </ul>
 * Start and stop of one folder are serialized by a file lock, across processes.
 */
public final class CassandraLauncher {

  static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final Duration REAP_WAIT = Duration.ofSeconds(2);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 250;
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int LOG_LINES = 30;

  private CassandraLauncher() {}

  public static CassandraNode start(LaunchSettings settings) {
    return start(settings, line -> { });
  }

  /** Starts a node, or returns the one already running from {@code settings.dir()}. */
  public static CassandraNode start(LaunchSettings settings, Consumer<String> progress) {
    Path dir = prepare(settings.dir());
    return locked(dir, () -> startLocked(new RunLayout(dir), settings, progress));
  }

  /** Stops the node started from {@code dir}; false when none was running. */
  public static boolean stop(Path dir) {
    return stop(dir, line -> { });
  }

  public static boolean stop(Path dir, Consumer<String> progress) {
    Path abs = normalize(dir);
    if (!Files.isDirectory(abs)) {
      progress.accept("no Cassandra in " + abs + " (no such folder)");
      return false;
    }
    return locked(abs, () -> stopLocked(abs, progress));
  }

  /** Running or stopped, with PID and contact point as recorded; asks CQL when the process is alive. */
  public static Status status(Path dir) {
    Path abs = normalize(dir);
    Optional<RunRecord> record = Files.isDirectory(abs) ? RunRecord.read(abs) : Optional.empty();
    if (record.isEmpty() || LocalProcess.ours(record.get().pid(), abs).isEmpty()) {
      return Status.stopped(abs, record);
    }
    RunRecord r = record.get();
    return new Status(abs, true, answers(r.host(), r.cqlPort()), r.pid(), r.host(), r.cqlPort(), r.version());
  }

  private static CassandraNode startLocked(RunLayout layout, LaunchSettings settings, Consumer<String> progress) {
    Path dir = layout.dir();
    Optional<RunRecord> previous = RunRecord.read(dir);
    if (previous.isPresent() && LocalProcess.ours(previous.get().pid(), dir).isPresent()) {
      RunRecord r = previous.get();
      progress.accept("Cassandra is already running from " + dir + " (pid " + r.pid() + "), CQL at "
          + r.contactPoint());
      return new CassandraNode(dir, r.pid(), r.host(), r.cqlPort(), r.version());
    }
    if (settings.cqlPort() != 0 && !Ports.isFree(settings.cqlPort())) {
      throw new CassandraLaunchException("port " + settings.cqlPort() + " on " + Ports.LOOPBACK
          + " is in use; stop what listens there or choose another port with --port");
    }
    Path java = CassandraJvm.java17();
    List<Path> jars = CassandraClasspath.resolve(settings.version(), progress);
    NodePorts ports = ports(settings.cqlPort());
    try {
      RunRecord.delete(dir);
      CassandraConfigFiles.write(layout, ports, settings.clientAddress());
    } catch (IOException e) {
      throw new CassandraLaunchException("could not write Cassandra's configuration in " + dir + ": " + e.getMessage(),
          e);
    }
    List<String> command = CassandraJvm.command(java, layout, ports, settings.heap(), jars);
    long started = System.nanoTime();
    Process process = launch(command, layout);
    long pid = process.pid();
    RunRecord record = new RunRecord(pid, settings.version(), Ports.LOOPBACK, ports.cql(), ports.storage(),
        ports.sslStorage(), ports.jmx(), Ports.LOOPBACK + ":" + ports.cql(), dir.toString(),
        Instant.now().toString());
    try {
      record.write(dir);
    } catch (IOException e) {
      process.destroyForcibly();
      throw new CassandraLaunchException("could not record the Cassandra process in " + dir + ": " + e.getMessage(), e);
    }
    progress.accept("starting Cassandra " + settings.version() + " (pid " + pid + ", CQL port " + ports.cql()
        + "), logs in " + layout.logs());
    awaitCql(process, layout, record, settings.startTimeout(), started, progress);
    progress.accept(String.format("Cassandra %s is ready in %.1f s, CQL at %s", settings.version(),
        (System.nanoTime() - started) / 1e9, record.contactPoint()));
    return new CassandraNode(dir, pid, record.host(), record.cqlPort(), record.version());
  }

  private static NodePorts ports(int cqlPort) {
    if (cqlPort == 0) {
      int[] free = Ports.free(4, Set.of());
      return new NodePorts(free[0], free[1], free[2], free[3]);
    }
    int[] free = Ports.free(3, Set.of(cqlPort));
    return new NodePorts(cqlPort, free[0], free[1], free[2]);
  }

  private static Process launch(List<String> command, RunLayout layout) {
    try {
      Process process = new ProcessBuilder(command)
          .directory(layout.dir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(layout.stdoutLog().toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      // setsid/setpriv exec into java; wait until the exec happened, so the PID we record is Cassandra's JVM.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (process.isAlive() && !LocalProcess.cmdline(process.pid()).contains(LocalProcess.MAIN_CLASS)
          && System.nanoTime() < deadline) {
        sleep();
      }
      return process;
    } catch (IOException e) {
      throw new CassandraLaunchException("could not start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  private static void awaitCql(Process process, RunLayout layout, RunRecord record, Duration timeout, long started,
      Consumer<String> progress) {
    long deadline = started + timeout.toNanos();
    long nextProgress = started + PROGRESS_EVERY_NANOS;
    try {
      while (true) {
        if (!process.isAlive()) {
          cleanUpQuietly(layout.dir());
          throw new CassandraLaunchException("Cassandra exited during startup (exit " + process.exitValue() + ")"
              + logs(layout));
        }
        if (Ports.accepts(record.cqlPort(), 500) && answers(record.host(), record.cqlPort())) {
          return;
        }
        long now = System.nanoTime();
        if (now > deadline) {
          String logs = logs(layout);
          stopLocked(layout.dir(), progress);
          throw new CassandraLaunchException("Cassandra did not answer CQL on " + record.contactPoint() + " within "
              + timeout.toSeconds() + " s; stopped it" + logs);
        }
        if (now > nextProgress) {
          progress.accept(String.format("waiting for CQL on %s (%.0f s)...", record.contactPoint(),
              (now - started) / 1e9));
          nextProgress = now + PROGRESS_EVERY_NANOS;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopLocked(layout.dir(), progress);
      throw new CassandraLaunchException("interrupted while Cassandra started; stopped it", e);
    }
  }

  private static boolean answers(String host, int port) {
    try {
      CqlProbe.releaseVersion(host, port, PROBE_TIMEOUT);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean stopLocked(Path dir, Consumer<String> progress) {
    Optional<RunRecord> record = RunRecord.read(dir);
    if (record.isEmpty()) {
      progress.accept("no Cassandra recorded in " + dir);
      return false;
    }
    long pid = record.get().pid();
    Optional<ProcessHandle> process = LocalProcess.ours(pid, dir);
    if (process.isEmpty()) {
      progress.accept("Cassandra from " + dir + " is not running (recorded pid " + pid
          + " is gone or is another process; not signalled)");
      cleanUpQuietly(dir);
      return false;
    }
    ProcessHandle handle = process.get();
    progress.accept("stopping Cassandra (pid " + pid + ")...");
    long started = System.nanoTime();
    handle.destroy();
    if (!awaitExit(handle, STOP_GRACE)) {
      progress.accept("Cassandra (pid " + pid + ") did not stop within " + STOP_GRACE.toSeconds()
          + " s of SIGTERM; sending SIGKILL");
      handle.destroyForcibly();
      if (!awaitExit(handle, KILL_WAIT)) {
        throw new CassandraLaunchException("Cassandra (pid " + pid + ") survived SIGKILL");
      }
    }
    cleanUpQuietly(dir);
    progress.accept(String.format("stopped Cassandra (pid %d) in %.1f s", pid, (System.nanoTime() - started) / 1e9));
    return true;
  }

  /** Waits until the process has exited, then briefly until its parent (we, or init) has reaped it. */
  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!LocalProcess.exited(handle)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep();
    }
    long reaped = System.nanoTime() + REAP_WAIT.toNanos();
    while (handle.isAlive() && System.nanoTime() < reaped) {
      sleep();
    }
    return true;
  }

  private static String logs(RunLayout layout) {
    StringBuilder text = new StringBuilder();
    text.append("\n--- last ").append(LOG_LINES).append(" lines of ").append(layout.systemLog()).append(" ---\n")
        .append(LogTail.of(layout.systemLog(), LOG_LINES));
    String stdout = LogTail.of(layout.stdoutLog(), LOG_LINES);
    if (!stdout.contains(" is empty)") && !stdout.startsWith("(no ")) {
      text.append("\n--- last ").append(LOG_LINES).append(" lines of ").append(layout.stdoutLog()).append(" ---\n")
          .append(stdout);
    }
    return text.toString();
  }

  private static void cleanUpQuietly(Path dir) {
    try {
      RunRecord.delete(dir);
    } catch (IOException e) {
      // the record names a dead process; status and stop check it anyway
    }
  }

  private static Path prepare(Path dir) {
    try {
      Files.createDirectories(dir);
      return dir.toRealPath();
    } catch (IOException e) {
      throw new CassandraLaunchException("cannot use " + dir + " as Cassandra's folder: " + e.getMessage(), e);
    }
  }

  private static Path normalize(Path dir) {
    try {
      return Files.exists(dir) ? dir.toRealPath() : dir.toAbsolutePath().normalize();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  @SuppressWarnings("try") // the lock is held for the block, never read
  private static <T> T locked(Path dir, java.util.function.Supplier<T> action) {
    Path lockFile = new RunLayout(dir).lock();
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      return action.get();
    } catch (IOException e) {
      throw new CassandraLaunchException("could not lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CassandraLaunchException("interrupted", e);
    }
  }
}
