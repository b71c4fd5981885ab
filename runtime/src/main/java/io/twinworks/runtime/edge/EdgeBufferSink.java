package io.twinworks.runtime.edge;

import io.twinworks.connectors.edge.EdgeBuffer;
import io.twinworks.connectors.edge.EdgeEncoder;
import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the edge, a poller's readings go into the durable buffer (the stage completes once they are on disk), and
 * what it could not read is logged and counted: the gateway has no dead-letter store; the central one keeps
 * what arrives malformed.
 */
final class EdgeBufferSink implements ReadingSink {

  private static final Logger log = LoggerFactory.getLogger(EdgeBufferSink.class);

  private final EdgeBuffer buffer;
  private final EdgeEncoder encoder;
  private final AtomicLong problems = new AtomicLong();

  EdgeBufferSink(EdgeBuffer buffer, EdgeEncoder encoder) {
    this.buffer = buffer;
    this.encoder = encoder;
  }

  @Override
  public CompletionStage<Done> readings(List<Reading> readings) {
    try {
      buffer.append(encoder.entries(readings));
      return CompletableFuture.completedFuture(Done.getInstance());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletionStage<Done> deadLetter(DeadLetter letter) {
    problems.incrementAndGet();
    log.warn("edge poller problem from {}: {}", letter.source(), letter.reason());
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  /** Poller problems (failed reads, undecodable values) since the start. */
  long problems() {
    return problems.get();
  }
}
