package io.twinworks.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker as a child process on a free loopback port, anonymous; sessions in memory, or
 * on disk with {@link #startPersistent()} so they survive {@link #restart()}; or as a test configures it
 * ({@link #start(Configuration)}). Start one per test class;
 * {@link #close()} stops exactly that process. Works as a try-with-resources resource.
 */
public final class MosquittoBroker implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;
  private static final String LOOPBACK = "127.0.0.1";

  /** The configuration file's text for a broker on {@code port} whose files live in {@code dir}. */
  @FunctionalInterface
  public interface Configuration {
    String text(int port, Path dir) throws IOException;
  }

  private final Path dir;
  private final int port;
  private final Configuration configuration;
  private Process process;

  private MosquittoBroker(Path dir, int port, Configuration configuration) {
    this.dir = dir;
    this.port = port;
    this.configuration = configuration;
  }

  /** Starts a broker with sessions in memory; fails with a clear message when mosquitto is not installed. */
  public static MosquittoBroker start() {
    return start((port, dir) -> anonymous(port, dir, false, LOOPBACK));
  }

  /**
   * Starts a broker that keeps sessions and queued QoS 1 messages on disk: Mosquitto writes them when
   * it stops on SIGTERM, so a {@link #restart()} loses nothing it acknowledged.
   */
  public static MosquittoBroker startPersistent() {
    return start((port, dir) -> anonymous(port, dir, true, LOOPBACK));
  }

  /**
   * A {@link #startPersistent() persistent} broker listening on every interface, for clients in other network
   * namespaces; {@link #url()} is still the loopback one.
   */
  public static MosquittoBroker startPersistentOnEveryInterface() {
    return start((port, dir) -> anonymous(port, dir, true, ""));
  }

  /** {@code bindAddress} empty: every interface. */
  private static String anonymous(int port, Path dir, boolean persistent, String bindAddress) {
    return String.join("\n",
        "listener " + port + (bindAddress.isEmpty() ? "" : " " + bindAddress),
        "allow_anonymous true",
        // Twinworks acknowledges after persisting whole batches: let it hold more than 20 unacked
        // messages, and never drop what is queued for its session while it is away.
        "max_inflight_messages 1000",
        "max_queued_messages 1000000",
        persistent ? "persistence true\npersistence_location " + dir + "/\nautosave_interval 60" : "persistence false",
        "log_dest stdout",
        "log_type error",
        "log_type warning",
        "");
  }

  /**
   * Starts a broker with a configuration of the test's own, e.g. TLS and an ACL; it gets a free port and an empty
   * directory (readable by the broker's user) to put its files in.
   */
  public static MosquittoBroker start(Configuration configuration) {
    String executable = executable();
    IllegalStateException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        MosquittoBroker broker = new MosquittoBroker(writableByAll(Files.createTempDirectory("mosquitto-test")),
            FreePorts.find(), configuration);
        try {
          broker.launch(executable);
          return broker;
        } catch (IllegalStateException e) {
          // most likely the port was taken between finding and binding it: try another
          broker.close();
          last = e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw last;
  }

  /** {@code tcp://127.0.0.1:PORT} */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The directory of its configuration and files. */
  public Path dir() {
    return dir;
  }

  /** The log so far, for a failing test's message. */
  public String log() {
    try {
      return Files.readString(dir.resolve("mosquitto.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the broker and starts it again on the same port (sessions survive only when persistent). */
  public void restart() {
    stop();
    startAgain();
  }

  /** Stops the broker process (SIGTERM), keeping its port and data for {@link #startAgain()}. */
  public void stop() {
    stopProcess();
  }

  /** Starts the broker again on the same port after {@link #stop()}. */
  public void startAgain() {
    launch(executable());
  }

  /**
   * Freezes the broker (SIGSTOP): its connections stay open but it answers nothing, like a stuck broker.
   * Always {@link #resume()} it; {@link #close()} does too.
   */
  public void pause() {
    signal("STOP");
  }

  /** Lets a {@link #pause() paused} broker run again (SIGCONT). */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    if (process == null) {
      throw new IllegalStateException("mosquitto is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + kill.exitValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling mosquitto", e);
    }
  }

  /** Stops the broker process and removes its directory. */
  @Override
  public void close() {
    stopProcess();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort: the directory is under the temp dir
    }
  }

  private void launch(String executable) {
    try {
      Path conf = dir.resolve("mosquitto.conf");
      Files.writeString(conf, configuration.text(port, dir));
      Path log = dir.resolve("mosquitto.log");
      process = new ProcessBuilder(executable, "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      awaitPort(log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + executable, e);
    }
  }

  private void awaitPort(Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    stopProcess();
    throw new IllegalStateException("mosquitto did not listen on port " + port + " within " + START_TIMEOUT
        + ": " + Files.readString(log));
  }

  private void stopProcess() {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      try {
        signal("CONT"); // a paused process would not act on SIGTERM
      } catch (IllegalStateException e) {
        // it exited meanwhile
      }
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * Mosquitto started as root drops to the user "mosquitto", which must still write its persistence
   * file here; without it a restart silently loses every session and queued message.
   */
  private static Path writableByAll(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    return dir;
  }

  private static String executable() {
    Path sbin = Paths.get("/usr/sbin/mosquitto");
    if (Files.isExecutable(sbin)) {
      return sbin.toString();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      Path candidate = Paths.get(entry, "mosquitto");
      if (!entry.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("mosquitto not found: apt-get install -y mosquitto");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for mosquitto", e);
    }
  }
}
