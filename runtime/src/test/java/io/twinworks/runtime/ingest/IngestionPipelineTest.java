package io.twinworks.runtime.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.config.RuntimeSettings.IngestSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.connectors.mqtt.MqttMessage;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestionPipelineTest {

  private static final IngestSettings ONE_AT_A_TIME = new IngestSettings(1, Duration.ofMillis(1), 1, 100,
      Duration.ofSeconds(15), 3, Duration.ofSeconds(1));

  private final ActorTestKit kit = ActorTestKit.create();
  private final AtomicReference<SourceQueueWithComplete<MqttMessageWithAck>> broker = new AtomicReference<>();
  private final AtomicBoolean connectionClosed = new AtomicBoolean();

  @AfterEach
  void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void abandonLetsTheConnectionGoWithoutWaitingForTheBatchInFlight() throws Exception {
    CompletableFuture<Done> neverPersisted = new CompletableFuture<>();
    List<List<MqttMessageWithAck>> taken = new CopyOnWriteArrayList<>();
    IngestionPipeline pipeline = IngestionPipeline.start(kit.system(), messages(), batch -> {
      taken.add(batch);
      return neverPersisted;
    }, ONE_AT_A_TIME);
    Message inFlight = new Message("a");
    awaitConnected();
    broker.get().offer(inFlight);
    awaitTrue(() -> taken.size() == 1, "the batch reached its twins");

    CompletionStage<Done> abandoned = pipeline.abandon();

    assertEquals(Done.getInstance(), abandoned.toCompletableFuture().get(5, TimeUnit.SECONDS),
        "abandon completes while the batch is still being persisted");
    awaitTrue(connectionClosed::get, "the broker connection is let go");
    assertFalse(inFlight.acked.get(), "nothing acknowledged: the broker delivers the message again");
  }

  @Test
  void aMessageArrivingAfterTheValveClosedIsLeftUnacknowledged() throws Exception {
    List<MqttMessageWithAck> processed = new CopyOnWriteArrayList<>();
    IngestionPipeline pipeline = IngestionPipeline.start(kit.system(), messages(), batch -> {
      processed.addAll(batch);
      batch.forEach(MqttMessageWithAck::ack);
      return CompletableFuture.completedFuture(Done.getInstance());
    }, ONE_AT_A_TIME);
    awaitConnected();
    Message first = new Message("first");
    broker.get().offer(first);
    awaitTrue(first.acked::get, "the first message is processed and acknowledged");
    Thread.sleep(200); // the stream asks the valve for the next message, and the valve asks the broker

    CompletionStage<Done> drained = pipeline.drain(); // closes the valve; the valve has already asked for more
    Message late = new Message("late");
    broker.get().offer(late);

    assertEquals(Done.getInstance(), drained.toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertEquals(List.of(first), processed, "the late message was not taken");
    assertFalse(late.acked.get(), "the late message stays with the broker");
  }

  private Source<MqttMessageWithAck, NotUsed> messages() {
    return Source.<MqttMessageWithAck>queue(16, OverflowStrategy.backpressure())
        .mapMaterializedValue(queue -> {
          broker.set(queue);
          queue.watchCompletion().whenComplete((done, failure) -> connectionClosed.set(true));
          return NotUsed.getInstance();
        })
        .watchTermination((mat, terminated) -> {
          terminated.whenComplete((done, failure) -> connectionClosed.set(true));
          return mat;
        });
  }

  private void awaitConnected() throws InterruptedException {
    awaitTrue(() -> broker.get() != null, "the stream connected");
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within 5 s: " + what);
      Thread.sleep(10);
    }
  }

  private static final class Message implements MqttMessageWithAck {
    private final MqttMessage message;
    private final AtomicBoolean acked = new AtomicBoolean();

    Message(String payload) {
      this.message = MqttMessage.create("t", ByteString.fromString(payload));
    }

    @Override
    public MqttMessage message() {
      return message;
    }

    @Override
    public CompletionStage<Done> ack() {
      acked.set(true);
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }
}
