package io.twinworks.runtime.bench;

import java.time.Duration;
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
 * Publishes messages {@code 0 .. total − 1} in that order with a bounded window in flight, and keeps going
 * through broker restarts: a message whose PUBACK did not come is published again after reconnecting, so in
 * the end every message was acknowledged by the broker at least once. Without a reconnect the broker gets
 * them in order (MQTT keeps the order of one connection's publishes per topic); a message republished
 * after a reconnect may come after later ones.
 */
public final class WindowedPublisher {

  /** What to publish: message {@code n}'s topic and payload. */
  public interface Messages {
    int total();

    String topic(int n);

    byte[] payload(int n);
  }

  private final String url;
  private final int qos;
  private final AtomicLong acknowledged = new AtomicLong();

  public WindowedPublisher(String url, int qos) {
    this.url = url;
    this.qos = qos;
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  /** Publishes everything; returns when every message was acknowledged or throws after {@code timeout}. */
  public void publishAll(Messages messages, int window, Duration timeout) throws Exception {
    publishAll(messages, window, 0, timeout);
  }

  /**
   * As {@link #publishAll(Messages, int, Duration)}, but at most {@code perSecond} messages a second from the
   * start on average (0: as fast as the window allows).
   */
  public void publishAll(Messages messages, int window, double perSecond, Duration timeout) throws Exception {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long issued = 0;
    Deque<Integer> todo = new ArrayDeque<>();
    for (int n = 0; n < messages.total(); n++) {
      todo.add(n);
    }
    Map<Integer, IMqttDeliveryToken> inFlight = new HashMap<>();
    MqttAsyncClient client = null;
    try {
      while (!todo.isEmpty() || !inFlight.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + acknowledged.get() + " of " + messages.total()
              + " acknowledged in " + timeout);
        }
        if (client == null || !client.isConnected()) {
          requeue(inFlight, todo);
          client = reconnect(client);
          continue;
        }
        long allowed = perSecond <= 0 ? Long.MAX_VALUE : (long) ((System.nanoTime() - start) / 1e9 * perSecond);
        while (inFlight.size() < window && !todo.isEmpty() && issued < allowed) {
          int n = todo.poll();
          issued++;
          try {
            MqttMessage message = new MqttMessage(messages.payload(n));
            message.setQos(qos);
            inFlight.put(n, client.publish(messages.topic(n), message));
          } catch (MqttException e) {
            todo.addFirst(n);
            issued--;
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
    inFlight.keySet().stream().sorted(java.util.Comparator.reverseOrder()).forEach(todo::addFirst);
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

  static void pause(long millis) {
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
