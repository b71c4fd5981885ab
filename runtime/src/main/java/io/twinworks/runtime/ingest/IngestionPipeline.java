package io.twinworks.runtime.ingest;

import io.twinworks.runtime.config.RuntimeSettings.IngestSettings;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running ingestion stream: MQTT messages in, batched, decoded and persisted by their twins, then
 * acknowledged. A failed batch (a twin that did not answer in time) fails the stream, which restarts
 * with backoff on a new connection; the broker then redelivers everything not acknowledged.
 */
public final class IngestionPipeline {

  private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

  private final SharedKillSwitch killSwitch;
  private final CompletionStage<Done> done;

  private IngestionPipeline(SharedKillSwitch killSwitch, CompletionStage<Done> done) {
    this.killSwitch = killSwitch;
    this.done = done;
  }

  public static IngestionPipeline start(ActorSystem<?> system, Source<MqttMessageWithAck, NotUsed> messages,
      BatchProcessor processor, IngestSettings settings) {
    SharedKillSwitch killSwitch = KillSwitches.shared("ingestion");
    RestartSettings restart = RestartSettings.create(Duration.ofMillis(500), Duration.ofSeconds(10), 0.2);
    Pair<NotUsed, CompletionStage<Done>> running = RestartSource
        .onFailuresWithBackoff(restart, () -> messages
            .via(killSwitch.flow())
            .groupedWithin(settings.maxBatch(), settings.batchWindow())
            .mapAsync(settings.parallelism(), processor::process)
            .watchTermination((mat, terminated) -> {
              terminated.whenComplete(IngestionPipeline::logFailure);
              return mat;
            }))
        .toMat(Sink.ignore(), Keep.both())
        .run(system);
    return new IngestionPipeline(killSwitch, running.second());
  }

  private static void logFailure(Done done, Throwable failure) {
    if (failure != null) {
      log.warn("ingestion stopped, reconnecting; unacknowledged messages will be redelivered: {}",
          failure.toString());
    }
  }

  /** Stops taking messages, lets batches in flight finish and be acknowledged, and completes. */
  public CompletionStage<Done> drain() {
    killSwitch.shutdown();
    return done;
  }

  public CompletionStage<Done> whenDone() {
    return done;
  }
}
