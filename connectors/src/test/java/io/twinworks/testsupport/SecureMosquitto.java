package io.twinworks.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto run with the repository's own {@code cluster-config/mosquitto/mosquitto-secure.conf} and {@code acl}: the
 * same file with only the listener's port, the file paths and persistence changed for a test, certificates from a
 * {@link TestPki} and a password file made with {@code mosquitto_passwd}. Close it to stop the broker.
 */
public final class SecureMosquitto implements AutoCloseable {

  private final MosquittoBroker broker;
  private final TestPki pki;

  private SecureMosquitto(MosquittoBroker broker, TestPki pki) {
    this.broker = broker;
    this.pki = pki;
  }

  /**
   * Starts the broker.
   *
   * @param users user name → password for the password file
   * @param requireCertificate whether clients must present a certificate of the test CA (the shipped file: no)
   */
  public static SecureMosquitto start(Map<String, String> users, boolean requireCertificate) {
    Path shipped = shippedConfig();
    TestPki[] pki = new TestPki[1];
    MosquittoBroker broker = MosquittoBroker.start((port, dir) -> {
      pki[0] = TestPki.create(dir.resolve("certs"));
      Path passwords = dir.resolve("passwd");
      Files.writeString(passwords, "");
      users.forEach((user, password) -> run("mosquitto_passwd", "-b", passwords.toString(), user, password));
      Files.copy(shipped.resolve("acl"), dir.resolve("acl"));
      return Files.readString(shipped.resolve("mosquitto-secure.conf"))
          .replace("listener 8883", "listener " + port + " 127.0.0.1")
          .replace("/mosquitto/certs/", pki[0].dir() + "/")
          .replace("/mosquitto/config/", dir + "/")
          .replace("persistence true", "persistence false")
          .replace("require_certificate false", "require_certificate " + requireCertificate);
    });
    return new SecureMosquitto(broker, pki[0]);
  }

  /** {@code ssl://127.0.0.1:PORT}; the server certificate names 127.0.0.1 and localhost. */
  public String url() {
    return "ssl://127.0.0.1:" + broker.port();
  }

  public int port() {
    return broker.port();
  }

  public TestPki pki() {
    return pki;
  }

  public String log() {
    return broker.log();
  }

  @Override
  public void close() {
    broker.close();
  }

  /** {@code cluster-config/mosquitto} of this repository, found from the module's directory or the root's. */
  private static Path shippedConfig() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("cluster-config").resolve("mosquitto");
      if (Files.isRegularFile(candidate.resolve("mosquitto-secure.conf"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("cluster-config/mosquitto/mosquitto-secure.conf not found above "
        + Path.of("").toAbsolutePath());
  }

  private static void run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command[0], command[1]) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(command[0] + " could not run (apt-get install -y mosquitto)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
