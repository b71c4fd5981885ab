package io.twinworks.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.bench.WindowedPublisher.Outgoing;
import io.twinworks.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The publisher against a real Mosquitto restarted mid-stream: every message acknowledged at least once, the
 * messages and readings published each counted once however often they were resent.
 */
class WindowedPublisherIT {

  private static final int MESSAGES = 6_000;

  @Test
  void keepsGoingThroughABrokerRestartAndCountsEachMessageOnce() throws Exception {
    try (MosquittoBroker mosquitto = MosquittoBroker.startPersistent()) {
      WindowedPublisher publisher = new WindowedPublisher(mosquitto.url(), 1);
      int[] n = {0};
      // two readings a message, 2,000 readings/s: 12,000 readings take about 6 s
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
        try {
          publisher.publish(() -> n[0] == MESSAGES ? Optional.empty()
                  : Optional.of(new Outgoing("bench/t/" + n[0] % 10, ("m" + n[0]++).getBytes(StandardCharsets.UTF_8), 2)),
              100, new Pacer(2_000), Duration.ofSeconds(60));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      WindowedPublisher.pause(2_000);
      assertTrue(publisher.acknowledged() < MESSAGES / 2, "the restart comes mid-stream");
      mosquitto.restart();
      publishing.join();

      assertEquals(MESSAGES, publisher.acknowledged());
      assertEquals(2L * MESSAGES, publisher.acknowledgedReadings());
      assertEquals(2L * MESSAGES, publisher.publishedReadings());
    }
  }
}
