package io.twinworks.runtime.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto on a port the test chooses, e.g. the port of a broker it just closed, so that a
 * client configured with that URL finds "a new broker at the same address". Same settings as the
 * {@code MosquittoBroker} fixture: loopback, anonymous, persistence off.
 */
final class FixedPortMosquitto implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private final Path dir;
  private final Process process;

  private FixedPortMosquitto(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  static FixedPortMosquitto start(int port) throws IOException {
    Path dir = Files.createTempDirectory("mosquitto-fixed-port");
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(conf, String.join("\n",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        "persistence false",
        "log_dest stdout",
        "log_type error",
        "log_type warning",
        ""));
    Path log = dir.resolve("mosquitto.log");
    Process process = new ProcessBuilder(executable(), "-c", conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    FixedPortMosquitto broker = new FixedPortMosquitto(dir, process);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!process.isAlive()) {
        String output = Files.readString(log);
        broker.close();
        throw new IllegalStateException("mosquitto on port " + port + " exited: " + output);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return broker;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          broker.close();
          throw new IllegalStateException("mosquitto did not listen on port " + port + " within " + START_TIMEOUT);
        }
        RuntimeProcess.pause(50);
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort: under the temp dir
    }
  }

  private static String executable() {
    if (Files.isExecutable(Path.of("/usr/sbin/mosquitto"))) {
      return "/usr/sbin/mosquitto";
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, "mosquitto");
      if (!entry.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new UncheckedIOException(new IOException("mosquitto not found: apt-get install -y mosquitto"));
  }
}
