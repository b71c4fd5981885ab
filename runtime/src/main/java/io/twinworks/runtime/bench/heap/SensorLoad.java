package io.twinworks.runtime.bench.heap;

import io.twinworks.runtime.ingest.BatchProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.mqtt.MqttMessage;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.util.ByteString;

/**
 * Sensor readings into the ingestion stage's {@link BatchProcessor}, as MQTT messages on the default sensor
 * route ({@code sensors/<id>/data}, twin {@code default:<id>}), in batches with a few in flight: the same path a
 * reading from the broker takes after the subscription (decode, registry, twin persist, history, heartbeat).
 */
final class SensorLoad {

  static final int BATCH = 500;
  private static final int IN_FLIGHT = 4;
  /** Source time between a twin's readings: more than the reorder grace (2 s), so all but the last are analysed. */
  static final Duration READING_STEP = Duration.ofSeconds(5);

  private final BatchProcessor processor;

  SensorLoad(BatchProcessor processor) {
    this.processor = processor;
  }

  /** The twin id of sensor {@code index} of a load named {@code prefix}. */
  static String sensorId(String prefix, int index) {
    return String.format("%s-%07d", prefix, index);
  }

  /**
   * Sends {@code readingsPerTwin} readings to each of {@code twins} sensors, reading by reading (every twin's
   * first, then every twin's second, ...), the last at {@code lastSourceTime}; returns once all are processed.
   */
  void feed(String prefix, int twins, int readingsPerTwin, Instant lastSourceTime) throws Exception {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int r = 0; r < readingsPerTwin; r++) {
      long millis = lastSourceTime.minus(READING_STEP.multipliedBy(readingsPerTwin - 1 - r)).toEpochMilli();
      for (int first = 0; first < twins && failure.get() == null; first += BATCH) {
        List<MqttMessageWithAck> batch = new ArrayList<>(BATCH);
        for (int i = first; i < Math.min(twins, first + BATCH); i++) {
          batch.add(message(sensorId(prefix, i), 20 + (i % 100) / 10.0, millis));
        }
        slots.acquire();
        processor.process(batch).whenComplete((done, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
          slots.release();
        });
      }
      slots.acquire(IN_FLIGHT); // this reading everywhere before the next one
      slots.release(IN_FLIGHT);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a batch failed: " + failure.get(), failure.get());
    }
  }

  private static MqttMessageWithAck message(String sensorId, double value, long millis) {
    String payload = "{\"sensor_id\":\"" + sensorId + "\",\"temperature\":" + value + ",\"timestamp\":" + millis + "}";
    return new Received(MqttMessage.create("sensors/" + sensorId + "/data",
        ByteString.fromString(payload, StandardCharsets.UTF_8)));
  }

  /** A message as the subscription hands it on; its ack has nothing to tell a broker. */
  private record Received(MqttMessage message) implements MqttMessageWithAck {
    @Override
    public CompletionStage<Done> ack() {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }
}
