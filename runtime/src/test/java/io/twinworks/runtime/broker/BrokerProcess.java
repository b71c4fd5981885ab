package io.twinworks.runtime.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An embedded broker in a child JVM on this test's classpath, so it can be killed with SIGKILL. */
final class BrokerProcess implements AutoCloseable {

  private final Process process;

  private BrokerProcess(Process process) {
    this.process = process;
  }

  static BrokerProcess start(int port, Path dataDir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                BrokerProcessMain.class.getName(),
                "127.0.0.1",
                Integer.toString(port),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    BrokerProcess broker = new BrokerProcess(process);
    try {
      broker.awaitReady(process);
    } catch (Exception e) {
      broker.close();
      throw new IOException("broker JVM did not report READY: " + e, e);
    }
    return broker;
  }

  /** Reads the child's output on a daemon thread (it must be drained anyway) until READY. */
  private void awaitReady(Process process) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  System.out.println("[broker " + process.pid() + "] " + line);
                  if (line.startsWith("READY")) {
                    ready.complete(null);
                  }
                }
              } catch (IOException ignored) {
                // the process went away
              }
              ready.completeExceptionally(new IllegalStateException("broker JVM exited"));
            },
            "broker-" + process.pid() + "-output");
    pump.setDaemon(true);
    pump.start();
    ready.get(60, TimeUnit.SECONDS);
  }

  /** SIGKILL on Linux: no shutdown hook, no journal close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("broker JVM " + process.pid() + " survived SIGKILL");
    }
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          kill();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
