package io.twinworks.connectors.opcua;

import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.testsupport.OpcUaTestServer;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;

/**
 * Readings per second one OPC UA endpoint delivers from the test server on loopback: N variables changed every
 * change period, one subscription (or one poll) for all of them. Not a test: run it by hand (see BENCHMARKS.md),
 * the numbers go there.
 *
 * <p>Arguments: {@code subscribe|poll items change-period sampling-or-poll-interval publishing-interval seconds},
 * e.g. {@code subscribe 100 10ms 10ms 50ms 10}.
 */
public final class SubscriptionRateBench {

  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private SubscriptionRateBench() {}

  public static void main(String[] args) throws Exception {
    boolean poll = args[0].equals("poll");
    int items = Integer.parseInt(args[1]);
    Duration change = duration(args[2]);
    Duration interval = duration(args[3]);
    Duration publishing = duration(args[4]);
    Duration measured = Duration.ofSeconds(Long.parseLong(args[5]));
    Counter counter = new Counter();
    Path pkiDir = Files.createTempDirectory("opcua-bench-pki");
    try (OpcUaTestServer server = OpcUaTestServer.launch(items, change); ClientPki pki = ClientPki.open(pkiDir)) {
      List<NodeMapping> nodes = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        nodes.add(poll ? Endpoints.polled(server, "Bench." + i, "item" + i, interval)
            : Endpoints.subscribed(server, "Bench." + i, "item" + i, interval));
      }
      OpcUaEndpoint endpoint = new OpcUaEndpoint("bench", ServerConnection.insecure(server.url()), publishing,
          Endpoints.QUICK, nodes);
      try (var connector = OpcUaEndpointConnector.start(endpoint, pki, counter)) {
        Thread.sleep(WARM_UP.toMillis());
        long readings0 = counter.readings.get();
        long publishes0 = counter.batches.get();
        long rounds0 = server.benchRounds();
        long start = System.nanoTime();
        Thread.sleep(measured.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        long readings = counter.readings.get() - readings0;
        long batches = counter.batches.get() - publishes0;
        long changes = (server.benchRounds() - rounds0) * items;
        System.out.printf("%s: %d items changed every %d ms (the server made %.0f changes/s), %s %d ms, "
            + "publishing %d ms: %.0f readings/s over %.1f s (%.0f %% of the changes), %.1f readings per hand-off, "
            + "%d dead letters%n", poll ? "poll" : "subscribe", items, change.toMillis(), changes / seconds,
            poll ? "poll interval" : "sampling", interval.toMillis(), publishing.toMillis(), readings / seconds,
            seconds, 100.0 * readings / Math.max(1, changes), batches == 0 ? 0.0 : (double) readings / batches,
            counter.deadLetters.get());
      }
    }
  }

  private static Duration duration(String text) {
    return com.typesafe.config.ConfigFactory.parseString("d = " + text).getDuration("d");
  }

  /** Counts what arrives and takes it at once. */
  private static final class Counter implements ReadingSink {
    final AtomicLong readings = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();

    @Override
    public CompletionStage<Done> readings(List<Reading> batch) {
      readings.addAndGet(batch.size());
      batches.incrementAndGet();
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> deadLetter(DeadLetter letter) {
      deadLetters.incrementAndGet();
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }
}
