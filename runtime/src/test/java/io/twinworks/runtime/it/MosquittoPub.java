package io.twinworks.runtime.it;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Publishes with the real {@code mosquitto_pub} client, as a user would. */
final class MosquittoPub {

  private MosquittoPub() {}

  static void publish(int port, String topic, String payload) throws IOException, InterruptedException {
    Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
        "-q", "1", "-t", topic, "-m", payload)
        .redirectErrorStream(true).start();
    if (!pub.waitFor(20, TimeUnit.SECONDS) || pub.exitValue() != 0) {
      pub.destroyForcibly();
      throw new IllegalStateException("mosquitto_pub to " + topic + " failed: "
          + new String(pub.getInputStream().readAllBytes()));
    }
  }
}
