package io.twinworks.runtime.ingest;

import io.twinworks.runtime.config.RuntimeSettings.IngestSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
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
 *
 * <p>Draining closes a valve between the broker connection and the batches: no new message is taken,
 * the batches in flight finish and are acknowledged, and only then, after {@link #ACK_FLUSH_GRACE},
 * the connection is let go. Cancelling the connection right away made the MQTT stage disconnect the
 * moment its last ack was handed to Paho; the embedded broker tore the session down on the closed
 * socket before it had processed the PUBACKs still queued, and redelivered those messages on the
 * next start (GracefulShutdownIT).
 */
public final class IngestionPipeline {

  private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

  /** Time for the broker to process the last PUBACKs before the connection closes. */
  static final Duration ACK_FLUSH_GRACE = Duration.ofMillis(500);

  private final Valve valve;
  private final IngestHealth health;
  private final CompletionStage<Done> done;

  private IngestionPipeline(Valve valve, IngestHealth health, CompletionStage<Done> done) {
    this.valve = valve;
    this.health = health;
    this.done = done;
  }

  public static IngestionPipeline start(ActorSystem<?> system, Source<MqttMessageWithAck, NotUsed> messages,
      BatchProcessor processor, IngestSettings settings) {
    return start(system, messages, processor::process, settings);
  }

  /** With any {@code process} of a batch: completes once the batch is persisted and acknowledged. */
  static IngestionPipeline start(ActorSystem<?> system, Source<MqttMessageWithAck, NotUsed> messages,
      Function<List<MqttMessageWithAck>, CompletionStage<Done>> process, IngestSettings settings) {
    Valve valve = new Valve();
    IngestHealth health = new IngestHealth();
    RestartSettings restart = RestartSettings.create(Duration.ofMillis(500), Duration.ofSeconds(10), 0.2);
    Pair<NotUsed, CompletionStage<Done>> running = RestartSource
        .onFailuresWithBackoff(restart, () -> messages
            .via(valve.flow())
            .groupedWithin(settings.maxBatch(), settings.batchWindow())
            .mapAsync(settings.parallelism(), batch -> health.track(process.apply(batch)))
            .watchTermination((mat, terminated) -> {
              terminated.whenComplete(IngestionPipeline::logFailure);
              return mat;
            }))
        .toMat(Sink.ignore(), Keep.both())
        .run(system);
    return new IngestionPipeline(valve, health, running.second());
  }

  private static void logFailure(Done done, Throwable failure) {
    if (failure != null) {
      log.warn("ingestion stopped, reconnecting; unacknowledged messages will be redelivered: {}",
          failure.toString());
    }
  }

  /**
   * Stops taking messages, lets batches in flight finish and be acknowledged, gives the broker
   * {@link #ACK_FLUSH_GRACE} to process the acknowledgements, then lets the connection go. Messages
   * the broker handed over but that were not taken stay unacknowledged and are redelivered.
   */
  public CompletionStage<Done> drain() {
    valve.close();
    return done
        .exceptionally(failure -> Done.getInstance())
        .thenCompose(d -> CompletableFuture.supplyAsync(() -> Done.getInstance(),
            CompletableFuture.delayedExecutor(ACK_FLUSH_GRACE.toMillis(), TimeUnit.MILLISECONDS)))
        .thenApply(d -> {
          valve.release();
          return d;
        })
        .thenCombine(done, (grace, finished) -> finished);
  }

  /**
   * Lets the broker connection go at once, without waiting for the batches in flight: what they hold stays
   * unacknowledged and the broker delivers it again (to this node's session when the node is back). For a node the
   * cluster has downed: its twins may soon start on other nodes, so it must not keep feeding them here.
   */
  public CompletionStage<Done> abandon() {
    valve.close();
    valve.release();
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  /** False from a failed batch until the next one succeeds. */
  public boolean isHealthy() {
    return health.isHealthy();
  }

  public CompletionStage<Done> whenDone() {
    return done;
  }

  /**
   * Shared by every materialization of the stream (it restarts): {@link #close} completes the stream
   * downstream of the valve without cancelling upstream, so the broker connection stays open;
   * {@link #release} then cancels upstream, which closes the connection.
   */
  static final class Valve {
    private volatile boolean closed;
    private volatile boolean released;
    private final Set<ValveLogic> running = ConcurrentHashMap.newKeySet();

    <T> GraphStage<FlowShape<T, T>> flow() {
      return new ValveStage<>(this);
    }

    void close() {
      closed = true;
      running.forEach(logic -> logic.onClose.invoke(Done.getInstance()));
    }

    void release() {
      released = true;
      running.forEach(logic -> logic.onRelease.invoke(Done.getInstance()));
    }
  }

  private abstract static class ValveLogic extends GraphStageLogic {
    AsyncCallback<Done> onClose;
    AsyncCallback<Done> onRelease;

    ValveLogic(FlowShape<?, ?> shape) {
      super(shape);
    }
  }

  private static final class ValveStage<T> extends GraphStage<FlowShape<T, T>> {
    private final Valve valve;
    private final Inlet<T> in = Inlet.create("IngestionValve.in");
    private final Outlet<T> out = Outlet.create("IngestionValve.out");
    private final FlowShape<T, T> shape = FlowShape.of(in, out);

    ValveStage(Valve valve) {
      this.valve = valve;
    }

    @Override
    public FlowShape<T, T> shape() {
      return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes attributes) {
      return new ValveLogic(shape) {
        {
          onClose = createAsyncCallback(done -> closeOut());
          onRelease = createAsyncCallback(done -> completeStage());
          setHandler(in, new AbstractInHandler() {
            @Override
            public void onPush() {
              T message = grab(in);
              if (!isClosed(out)) {
                push(out, message);
              } // else the valve closed while it was on its way: unacknowledged, the broker delivers it again
            }
          });
          setHandler(out, new AbstractOutHandler() {
            @Override
            public void onPull() {
              if (!hasBeenPulled(in)) {
                pull(in);
              }
            }

            @Override
            public void onDownstreamFinish(Throwable cause) {
              // Downstream failed or finished: nothing left to acknowledge, let the connection go.
              cancelStage(cause);
            }
          });
        }

        private void closeOut() {
          if (!isClosed(out)) {
            complete(out); // upstream stays connected (and is not pulled) until release
          }
        }

        @Override
        public void preStart() {
          valve.running.add(this);
          if (valve.released) {
            completeStage();
          } else if (valve.closed) {
            closeOut();
          }
        }

        @Override
        public void postStop() {
          valve.running.remove(this);
        }
      };
    }
  }
}
