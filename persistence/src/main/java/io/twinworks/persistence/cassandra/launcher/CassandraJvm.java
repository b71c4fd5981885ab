package io.twinworks.persistence.cassandra.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Java 17 that runs Cassandra and its command line. */
final class CassandraJvm {

  private static final Path DEBIAN_JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  /**
   * The {@code --add-exports}/{@code --add-opens} of Cassandra 5.0's {@code conf/jvm17-server.options} (the JPMS
   * section), plus its Netty properties. Without them startup fails on {@code sun.nio.ch.DirectBuffer.cleaner}.
   * {@code java.base/java.nio} is in newer copies of the file; opening it too is harmless.
   */
  static final List<String> JVM17_SERVER_OPTIONS = List.of(
      "-Djdk.attach.allowAttachSelf=true",
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
      "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.util=ALL-UNNAMED",
      "--add-opens", "java.base/java.nio=ALL-UNNAMED",
      "-Dio.netty.tryReflectionSetAccessible=true",
      "-Dio.netty.allocator.useCacheForAllThreads=true",
      "-Dio.netty.allocator.maxOrder=11");

  private CassandraJvm() {}

  /** {@code bin/java} of a JDK 17: the running one when it is 17, else the Debian package's; else a clear error. */
  static Path java17() {
    Path running = Path.of(System.getProperty("java.home"));
    if ("17".equals(System.getProperty("java.specification.version"))) {
      return running.resolve("bin").resolve("java");
    }
    Stream<Path> candidates = Stream.of(Optional.ofNullable(System.getenv("JAVA17_HOME")).map(Path::of),
        Optional.of(DEBIAN_JDK17)).flatMap(Optional::stream);
    return candidates.filter(CassandraJvm::isJdk17)
        .map(home -> home.resolve("bin").resolve("java"))
        .findFirst()
        .orElseThrow(() -> new CassandraLaunchException("Cassandra 5.0 needs Java 17 (it fails on newer ones),"
            + " this is Java " + System.getProperty("java.specification.version") + " at " + running
            + " and there is no Java 17 at " + DEBIAN_JDK17 + "; install openjdk-17-jdk-headless or set JAVA17_HOME"));
  }

  private static boolean isJdk17(Path home) {
    Path java = home.resolve("bin").resolve("java");
    if (!Files.isExecutable(java)) {
      return false;
    }
    try {
      return Files.readAllLines(home.resolve("release")).stream()
          .anyMatch(line -> line.startsWith("JAVA_VERSION=\"17"));
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code setpriv --bounding-set=-ipc_lock --} when setpriv exists and may drop the capability (root). */
  private static Optional<List<String>> dropIpcLock() {
    Optional<Path> setpriv = CassandraClasspath.onPath("setpriv");
    if (setpriv.isEmpty()) {
      return Optional.empty();
    }
    List<String> prefix = List.of(setpriv.get().toString(), "--bounding-set=-ipc_lock", "--");
    List<String> probe = new ArrayList<>(prefix);
    probe.add("true");
    try {
      Process process = new ProcessBuilder(probe).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      boolean works = process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0;
      if (!works) {
        process.destroyForcibly();
      }
      return works ? Optional.of(prefix) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CassandraLaunchException("interrupted", e);
    }
  }

  /** The whole command: optional setsid/setpriv wrappers, java, options, classpath, main class. */
  static List<String> command(Path java, RunLayout layout, NodePorts ports, String heap, List<Path> jars) {
    List<String> command = new ArrayList<>();
    // Own session: the node outlives the launcher and a terminal's Ctrl-C. setsid execs (no fork) because
    // a child of the JVM is not a process group leader, so the PID we get is the JVM's.
    CassandraClasspath.onPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
    // As root Cassandra mlockall()s its heap (RSS = heap at once); without CAP_IPC_LOCK that fails harmlessly.
    dropIpcLock().ifPresent(command::addAll);
    command.add(java.toString());
    command.add(LocalProcess.marker(layout.dir()));
    command.addAll(JVM17_SERVER_OPTIONS);
    command.addAll(List.of(
        "-Xms" + heap, "-Xmx" + heap, "-XX:MaxDirectMemorySize=512M", "-Xss256k",
        "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1",
        "-XX:MaxGCPauseMillis=300", "-XX:InitiatingHeapOccupancyPercent=70",
        "-XX:+PerfDisableSharedMem", "-XX:+ExitOnOutOfMemoryError",
        "-Djava.net.preferIPv4Stack=true",
        "-Dcassandra.jmx.local.port=" + ports.jmx(),
        "-Dcom.sun.management.jmxremote.rmi.port=" + ports.jmx(),
        "-Dcassandra-foreground=yes",
        "-Dcassandra.config=" + layout.yaml().toUri(),
        "-Dcassandra.logdir=" + layout.logs(),
        "-Dcassandra.storagedir=" + layout.data(),
        "-Dcassandra.triggers_dir=" + layout.triggers(),
        "-Dlogback.configurationFile=" + layout.logback(),
        // one node: nobody to gossip with, do not wait for gossip to settle
        "-Dcassandra.skip_wait_for_gossip_to_settle=0"));
    command.add("-cp");
    StringBuilder classpath = new StringBuilder(layout.conf().toString());
    jars.forEach(jar -> classpath.append(File.pathSeparator).append(jar));
    command.add(classpath.toString());
    command.add(LocalProcess.MAIN_CLASS);
    return command;
  }
}
