package io.twinworks.runtime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code twinworks edge --config FILE} in its own JVM, so that a test can {@code kill -9} it. */
final class EdgeProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private EdgeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts the gateway and waits for its first line, which says it is forwarding. */
  static EdgeProcess start(Path gatewayFile, Path logDir) throws IOException, InterruptedException {
    List<String> command = RuntimeProcess.javaCommand();
    command.addAll(List.of("io.twinworks.runtime.Main", "edge", "--config", gatewayFile.toString()));
    Files.createDirectories(logDir);
    Path log = logDir.resolve("edge-" + System.nanoTime() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    EdgeProcess edge = new EdgeProcess(process, log);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.readString(log).contains("twinworks: edge gateway")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String text = Files.readString(log);
        edge.close();
        throw new IllegalStateException("the edge gateway did not start:\n" + text);
      }
      Thread.sleep(100);
    }
    return edge;
  }

  /** SIGKILL: nothing gets to run, as on a crash or power loss of the gateway. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
