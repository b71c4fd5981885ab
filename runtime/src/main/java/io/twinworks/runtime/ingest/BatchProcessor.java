package io.twinworks.runtime.ingest;

import io.twinworks.connectors.route.Decoded;
import io.twinworks.connectors.route.TopicRoutes;
import io.twinworks.connectors.sparkplug.PayloadText;
import io.twinworks.connectors.sparkplug.SparkplugResult;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.runtime.sparkplug.SparkplugIngest;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;

/**
 * Turns one batch of MQTT messages into readings per twin, hands them to the twins (whose gateway
 * persists them and writes history before it answers), then acknowledges the messages. A message is
 * acknowledged only after everything it produced is durable: its readings persisted and in history,
 * or its dead letter stored. Any other failure fails the returned stage and nothing of the batch is
 * acknowledged, so the broker delivers it again. Sparkplug B messages go to {@link SparkplugIngest} instead of the
 * routes, in arrival order (its sessions are stateful); a death it reports reaches the twins in order with their
 * readings.
 */
public final class BatchProcessor {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchProcessor.class);
  private static final java.time.Duration ACK_TIMEOUT = java.time.Duration.ofSeconds(5);

  private final TopicRoutes routes;
  private final SparkplugIngest sparkplug;
  private final TwinRecorder recorder;
  private final TwinworksMetrics metrics;
  private final ReceiveClock receiveClock;

  /** @param sparkplug decodes the messages of the Sparkplug B namespace, in arrival order, instead of the routes */
  public BatchProcessor(TopicRoutes routes, SparkplugIngest sparkplug, TwinRecorder recorder,
      TwinworksMetrics metrics, Clock clock) {
    this.routes = routes;
    this.sparkplug = sparkplug;
    this.recorder = recorder;
    this.metrics = metrics;
    this.receiveClock = new ReceiveClock(clock);
  }

  public CompletionStage<Done> process(List<MqttMessageWithAck> batch) {
    Instant now = receiveClock.next();
    metrics.messagesReceived(batch.size());
    Map<TwinKey, List<Reading>> byTwin = new LinkedHashMap<>();
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (MqttMessageWithAck message : batch) {
      String topic = message.message().topic();
      byte[] payload = message.message().payload().toArray();
      if (sparkplug.handles(topic)) {
        sparkplugMessage(topic, payload, now, byTwin, writes);
        continue;
      }
      Decoded decoded = routes.decode(topic, payload, receiveClock.next());
      if (decoded instanceof Decoded.Accepted accepted) {
        accepted.readings().forEach(reading -> add(byTwin, reading));
      } else if (decoded instanceof Decoded.Rejected rejected) {
        writes.add(recorder.deadLetter(DeadLetter.of(now, topic, rejected.reason(), payload)));
      }
    }
    byTwin.forEach((key, readings) -> writes.add(recorder.record(key, readings, now)));
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
        .thenCompose(done -> acknowledge(batch));
  }

  private static void add(Map<TwinKey, List<Reading>> byTwin, Reading reading) {
    byTwin.computeIfAbsent(new TwinKey(reading.twinId(), reading.kind()), k -> new ArrayList<>()).add(reading);
  }

  /**
   * A Sparkplug message: its readings join the batch's. A twin whose source died is first sent the readings it
   * has in the batch so far, then the loss (both in order through the gateway), so a death between two data
   * messages lands between their readings.
   */
  private void sparkplugMessage(String topic, byte[] payload, Instant now, Map<TwinKey, List<Reading>> byTwin,
      List<CompletableFuture<?>> writes) {
    Instant received = receiveClock.next();
    SparkplugResult result = sparkplug.decode(topic, payload, received);
    result.readings().forEach(reading -> add(byTwin, reading));
    for (TwinId lost : result.lost()) {
      TwinKey key = new TwinKey(lost, sparkplug.kind());
      List<Reading> before = byTwin.remove(key);
      if (before != null) {
        writes.add(recorder.record(key, before, now));
      }
      writes.add(recorder.lost(key, received, "Sparkplug " + topic));
    }
    result.rejected().ifPresent(reason -> {
      DeadLetter text = DeadLetter.of(now, topic, reason, PayloadText.of(payload));
      writes.add(recorder.deadLetter(new DeadLetter(now, topic, reason, text.payload(), payload.length)));
    });
  }

  /**
   * Acknowledges every message of the batch. An ack can fail when the connection was replaced since
   * the message arrived; the broker then delivers it again and the twin drops it as a duplicate. An
   * ack for a connection whose stage has already stopped never completes at all, hence the timeout:
   * without it such a batch held its slot forever and ingestion stopped after a broker restart.
   */
  private static CompletionStage<Done> acknowledge(List<MqttMessageWithAck> batch) {
    CompletableFuture<?>[] acks = batch.stream()
        .map(message -> message.ack().toCompletableFuture().exceptionally(BatchProcessor::ackFailed))
        .toArray(CompletableFuture[]::new);
    // One timer per batch, not per message: thousands of pending timers a second cost more than the acks.
    return CompletableFuture.allOf(acks)
        .completeOnTimeout(null, ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(done -> Done.getInstance());
  }

  private static Done ackFailed(Throwable failure) {
    log.debug("ack failed, the broker will redeliver: {}", failure.toString());
    return Done.getInstance();
  }
}
