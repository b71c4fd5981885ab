package io.twinworks.runtime.bench;

import io.twinworks.connectors.mqtt.MqttSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes messages in order with a bounded window in flight, optionally paced, and keeps going through broker
 * restarts: a message whose PUBACK did not come is published again after reconnecting, so in the end every
 * message was acknowledged by the broker at least once (at QoS 0: written to the connection once). Without a
 * reconnect the broker gets them in order (MQTT keeps the order of one connection's publishes per topic); a
 * message republished after a reconnect may come after later ones. Counts messages and the readings they carry,
 * each once however often it was sent.
 */
public final class WindowedPublisher {

  /** What to publish: message {@code n}'s topic and payload, one reading each. */
  public interface Messages {
    int total();

    String topic(int n);

    byte[] payload(int n);
  }

  /** One publish and the number of readings it carries. */
  public record Outgoing(String topic, byte[] payload, int readings) {}

  /** Publishes made on demand, in order; empty once there are no more (and from then on). */
  public interface Source {
    Optional<Outgoing> next();
  }

  private record InFlight(Outgoing message, IMqttDeliveryToken token) {}

  private final String url;
  private final int qos;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong acknowledgedReadings = new AtomicLong();
  private final AtomicLong publishedReadings = new AtomicLong();

  public WindowedPublisher(String url, int qos) {
    this.url = url;
    this.qos = qos;
  }

  /** Messages acknowledged by the broker (at QoS 0: written to the connection). */
  public long acknowledged() {
    return acknowledged.get();
  }

  /** Readings in the acknowledged messages. */
  public long acknowledgedReadings() {
    return acknowledgedReadings.get();
  }

  /** Readings in the messages published at least once. */
  public long publishedReadings() {
    return publishedReadings.get();
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
    int[] n = {0};
    publish(() -> {
      if (n[0] >= messages.total()) {
        return Optional.empty();
      }
      int current = n[0]++;
      return Optional.of(new Outgoing(messages.topic(current), messages.payload(current), 1));
    }, window, new Pacer(perSecond), timeout);
  }

  /**
   * Publishes what {@code source} makes, at most {@code pacer}'s readings a second on average from the first
   * connection;
   * returns when every message was acknowledged or throws after {@code timeout}.
   */
  public void publish(Source source, int window, Pacer pacer, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long paceFrom = -1; // the first connection: the time to connect is not owed to the pace
    Deque<Outgoing> again = new ArrayDeque<>();
    Map<Long, InFlight> inFlight = new LinkedHashMap<>();
    long sequence = 0;
    boolean exhausted = false;
    MqttAsyncClient client = null;
    try {
      while (!exhausted || !again.isEmpty() || !inFlight.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + acknowledged.get() + " messages acknowledged in " + timeout);
        }
        if (client == null || !client.isConnected()) {
          List<Outgoing> unacknowledged = inFlight.values().stream().map(InFlight::message).toList();
          for (int i = unacknowledged.size() - 1; i >= 0; i--) {
            again.addFirst(unacknowledged.get(i)); // first, in their order
          }
          inFlight.clear();
          client = reconnect(client);
          if (client != null && paceFrom < 0) {
            paceFrom = System.nanoTime();
          }
          continue;
        }
        long allowance = pacer.allowance(System.nanoTime() - paceFrom);
        while (inFlight.size() < window) {
          boolean retry = !again.isEmpty();
          if (!retry && (exhausted || publishedReadings.get() >= allowance)) {
            break;
          }
          Optional<Outgoing> next = retry ? Optional.of(again.poll()) : source.next();
          if (next.isEmpty()) {
            exhausted = true;
            break;
          }
          Outgoing message = next.get();
          if (!retry) {
            publishedReadings.addAndGet(message.readings());
          }
          try {
            MqttMessage mqtt = new MqttMessage(message.payload());
            mqtt.setQos(qos);
            inFlight.put(sequence++, new InFlight(message, client.publish(message.topic(), mqtt)));
          } catch (MqttException e) {
            again.addFirst(message);
            break;
          }
        }
        sweep(inFlight, again);
        pause(2);
      }
    } finally {
      if (client != null) {
        close(client);
      }
    }
  }

  private void sweep(Map<Long, InFlight> inFlight, Deque<Outgoing> again) {
    inFlight.values().removeIf(entry -> {
      IMqttDeliveryToken token = entry.token();
      if (!token.isComplete()) {
        return false;
      }
      if (token.getException() == null) {
        acknowledged.incrementAndGet();
        acknowledgedReadings.addAndGet(entry.message().readings());
      } else {
        again.add(entry.message());
      }
      return true;
    });
  }

  private MqttAsyncClient reconnect(MqttAsyncClient old) throws MqttException {
    if (old != null) {
      close(old);
    }
    MqttAsyncClient client = new MqttAsyncClient(url, "load-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(65_535);
    options.setConnectionTimeout(5);
    MqttSettings.configuredFor(url).applyCredentialsAndTls(options);
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
