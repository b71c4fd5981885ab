package io.twinworks.runtime.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes {@code twins × readingsEach} sensor readings (flat sensor JSON) with a bounded window in
 * flight, and keeps going through broker restarts: a message whose PUBACK did not come is published
 * again after reconnecting, so in the end every reading was acknowledged by the broker at least once.
 * Reading {@code r} of twin {@code i} is {@code level = i * 100000 + r} at {@code start + r × 10 ms},
 * on {@code <topicPrefix>/LOAD-i/data} ({@code sensors} is the default route of sensor twins).
 */
public final class LoadPublisher {

  public static final String SIGNAL = "level";

  private final String url;
  private final String topicPrefix;
  private final int qos;
  private final int twins;
  private final int readingsEach;
  private final Instant start;
  private final AtomicLong acknowledged = new AtomicLong();

  public LoadPublisher(String url, int twins, int readingsEach, Instant start) {
    this(url, "sensors", 1, twins, readingsEach, start);
  }

  public LoadPublisher(String url, String topicPrefix, int qos, int twins, int readingsEach, Instant start) {
    this.url = url;
    this.topicPrefix = topicPrefix;
    this.qos = qos;
    this.twins = twins;
    this.readingsEach = readingsEach;
    this.start = start;
  }

  public static String twinId(int twin) {
    return "default:LOAD-" + twin;
  }

  public static double value(int twin, int reading) {
    return twin * 100_000.0 + reading;
  }

  public Instant time(int reading) {
    return start.plusMillis(reading * 10L);
  }

  public Instant end() {
    return time(readingsEach);
  }

  public int total() {
    return twins * readingsEach;
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  /** Publishes everything; returns when every message was acknowledged or throws after {@code timeout}. */
  public void publishAll(int window, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Deque<Integer> todo = new ArrayDeque<>();
    for (int n = 0; n < total(); n++) {
      todo.add(n);
    }
    Map<Integer, IMqttDeliveryToken> inFlight = new HashMap<>();
    MqttAsyncClient client = null;
    try {
      while (!todo.isEmpty() || !inFlight.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + acknowledged.get() + " of " + total() + " acknowledged in " + timeout);
        }
        if (client == null || !client.isConnected()) {
          requeue(inFlight, todo);
          client = reconnect(client);
          continue;
        }
        while (inFlight.size() < window && !todo.isEmpty()) {
          int n = todo.poll();
          try {
            inFlight.put(n, client.publish(topic(n), message(n)));
          } catch (MqttException e) {
            todo.addFirst(n);
            break;
          }
        }
        sweep(inFlight, todo);
        pause(2);
      }
    } finally {
      if (client != null) {
        close(client);
      }
    }
  }

  private void sweep(Map<Integer, IMqttDeliveryToken> inFlight, Deque<Integer> todo) {
    inFlight.entrySet().removeIf(entry -> {
      IMqttDeliveryToken token = entry.getValue();
      if (!token.isComplete()) {
        return false;
      }
      if (token.getException() == null) {
        acknowledged.incrementAndGet();
      } else {
        todo.add(entry.getKey());
      }
      return true;
    });
  }

  private static void requeue(Map<Integer, IMqttDeliveryToken> inFlight, Deque<Integer> todo) {
    inFlight.forEach((n, token) -> todo.addFirst(n));
    inFlight.clear();
  }

  private MqttAsyncClient reconnect(MqttAsyncClient old) throws MqttException {
    if (old != null) {
      close(old);
    }
    MqttAsyncClient client = new MqttAsyncClient(url, "load-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(65_535);
    options.setConnectionTimeout(5);
    try {
      client.connect(options).waitForCompletion(10_000);
      return client;
    } catch (MqttException e) {
      pause(500);
      close(client);
      return null;
    }
  }

  private String topic(int n) {
    return topicPrefix + "/LOAD-" + (n % twins) + "/data";
  }

  private MqttMessage message(int n) {
    int twin = n % twins;
    int reading = n / twins;
    String json = "{\"sensor_id\":\"LOAD-" + twin + "\",\"" + SIGNAL + "\":" + value(twin, reading)
        + ",\"timestamp\":\"" + time(reading) + "\"}";
    MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
    message.setQos(qos);
    return message;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    }
  }

  private static void close(MqttAsyncClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect(1_000).waitForCompletion(2_000);
      }
      client.close(true);
    } catch (MqttException e) {
      // going away anyway
    }
  }
}
