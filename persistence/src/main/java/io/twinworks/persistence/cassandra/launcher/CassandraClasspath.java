package io.twinworks.persistence.cassandra.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cassandra's classpath, resolved by Maven from Central ({@code org.apache.cassandra:cassandra-all:<version>}) with
 * {@code dependency:build-classpath}, without the native jars of other platforms.
 *
 * <p>The result is cached once per user and version, in {@code $XDG_CACHE_HOME/twinworks/cassandra-<version>/}
 * (default {@code ~/.cache/twinworks/...}), not per run folder: the jars live in the shared local Maven repository
 * anyway, and a fresh folder (every integration test has one) then starts without running Maven (~5–20 s saved).
 * The cache is used only when every jar it names still exists; otherwise Maven runs again.
 */
final class CassandraClasspath {

  private static final String EXCLUDED_CLASSIFIERS =
      "osx-x86_64,osx-aarch_64,linux-aarch_64,linux-riscv64,windows-x86_64";
  private static final String DEPENDENCY_PLUGIN_VERSION = "3.8.1";
  private static final long RESOLVE_TIMEOUT_MINUTES = 15;

  private CassandraClasspath() {}

  static Path cacheDir(String version) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("twinworks").resolve("cassandra-" + version);
  }

  /** The jars of Cassandra {@code version}, from the cache or from Maven. */
  static List<Path> resolve(String version, Consumer<String> progress) {
    Path dir = cacheDir(version);
    Path file = dir.resolve("cassandra.classpath");
    Optional<List<Path>> cached = read(file);
    if (cached.isPresent()) {
      return cached.get();
    }
    progress.accept("resolving Cassandra " + version + " from Maven Central (first time only; cached in " + dir + ")");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("pom.xml"), pom(version));
      Path tmp = Files.createTempFile(dir, "cassandra", ".classpath.tmp");
      runMaven(dir, tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CassandraLaunchException("could not resolve Cassandra " + version + " in " + dir + ": " + e.getMessage(),
          e);
    }
    return read(file).orElseThrow(() ->
        new CassandraLaunchException("Maven wrote no usable classpath for Cassandra " + version + " to " + file));
  }

  private static Optional<List<Path>> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) == 0) {
        return Optional.empty();
      }
      List<Path> jars = Arrays.stream(Files.readString(file).trim().split(File.pathSeparator))
          .filter(s -> !s.isBlank())
          .map(Path::of)
          .toList();
      boolean complete = jars.stream().allMatch(Files::isRegularFile)
          && jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("cassandra-all-"));
      return complete ? Optional.of(jars) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void runMaven(Path dir, Path output) throws IOException {
    Path mvn = onPath("mvn").orElseThrow(() -> new CassandraLaunchException(
        "Maven (mvn) is needed to fetch Cassandra's jars from Maven Central and is not on the PATH;"
            + " install it (apt-get install -y maven) or put it on the PATH"));
    Path log = dir.resolve("resolve.log");
    List<String> command = List.of(mvn.toString(), "-B", "-q", "-f", dir.resolve("pom.xml").toString(),
        "org.apache.maven.plugins:maven-dependency-plugin:" + DEPENDENCY_PLUGIN_VERSION + ":build-classpath",
        "-Dmdep.outputFile=" + output,
        "-DexcludeClassifiers=" + EXCLUDED_CLASSIFIERS);
    Process maven = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    try {
      if (!maven.waitFor(RESOLVE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        maven.destroyForcibly();
        throw new CassandraLaunchException("Maven did not resolve Cassandra within " + RESOLVE_TIMEOUT_MINUTES
            + " minutes; see " + log);
      }
    } catch (InterruptedException e) {
      maven.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CassandraLaunchException("interrupted while Maven resolved Cassandra", e);
    }
    if (maven.exitValue() != 0) {
      throw new CassandraLaunchException("Maven could not resolve Cassandra (exit " + maven.exitValue()
          + "; is Maven Central reachable?); from " + log + ":\n" + LogTail.of(log, 30));
    }
  }

  static Optional<Path> onPath(String executable) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(s -> Path.of(s, executable))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }

  private static String pom(String version) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by the Twinworks Cassandra launcher: only to resolve Cassandra's classpath. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.twinworks.local</groupId>
          <artifactId>cassandra-classpath</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <dependencies>
            <dependency>
              <groupId>org.apache.cassandra</groupId>
              <artifactId>cassandra-all</artifactId>
              <version>%s</version>
            </dependency>
          </dependencies>
        </project>
        """.formatted(version);
  }
}
