package io.twinworks.connectors.edge;

import io.twinworks.connectors.Backoff;
import io.twinworks.connectors.mqtt.MqttSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the buffer to the central broker, oldest first, at QoS 1, and forgets a message only after its PUBACK.
 * One thread: take up to {@code window} of the oldest messages, publish them (in order, on one connection), wait
 * for their PUBACKs, remove them through the last acknowledged; new readings keep being appended meanwhile. When
 * the broker is unreachable or a PUBACK does not come within {@code ackTimeout}, the connection is dropped and
 * made again with backoff, and sending starts again from the oldest message still buffered — so a message can
 * arrive twice, never not at all; twins drop the second copy (same signal and source time).
 */
public final class EdgeForwarder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EdgeForwarder.class);

  private final EdgeBuffer buffer;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final Backoff backoff;
  private final int window;
  private final Duration ackTimeout;
  private final Thread thread;
  private final AtomicLong forwardedReadings = new AtomicLong();
  private volatile boolean running = true;
  private volatile String lastProblem = "";

  private EdgeForwarder(EdgeBuffer buffer, MqttSettings connection, int window, Duration ackTimeout)
      throws MqttException {
    this.buffer = buffer;
    this.window = window;
    this.ackTimeout = ackTimeout;
    this.options = connection.connectOptions();
    options.setCleanSession(true); // the buffer, not the session, holds what is not yet acknowledged
    options.setMaxInflight(window);
    this.backoff = new Backoff(connection.minBackoff(), connection.maxBackoff(), connection.randomFactor());
    this.client = new MqttAsyncClient(connection.url(), connection.clientId(), new MemoryPersistence());
    this.thread = new Thread(this::run, "twinworks-edge-forwarder");
    thread.setDaemon(true);
  }

  /** Starts forwarding in the background. */
  public static EdgeForwarder start(EdgeBuffer buffer, MqttSettings connection, int window, Duration ackTimeout) {
    if (window < 1) {
      throw new IllegalArgumentException("the forwarding window must be at least 1, was " + window);
    }
    try {
      EdgeForwarder forwarder = new EdgeForwarder(buffer, connection, window, ackTimeout);
      forwarder.thread.start();
      return forwarder;
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create the MQTT client for " + connection.url() + ": " + e, e);
    }
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Readings the broker has acknowledged since the start. */
  public long forwardedReadings() {
    return forwardedReadings.get();
  }

  /** Why the last connection or send failed, empty if none has. */
  public String lastProblem() {
    return lastProblem;
  }

  private void run() {
    int failures = 0;
    while (running) {
      try {
        if (!client.isConnected()) {
          client.connect(options).waitForCompletion(ackTimeout.toMillis());
          log.info("edge forwarder connected to {} ({} buffered messages)", client.getServerURI(),
              buffer.stats().messages());
        }
        if (sendOldest()) {
          failures = 0;
        } else {
          buffer.awaitMessages(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (MqttException | RuntimeException e) {
        failures++;
        lastProblem = e.toString();
        if (failures == 1) {
          log.warn("edge forwarder cannot reach {}, buffering and retrying: {}", client.getServerURI(), e.toString());
        } else {
          log.debug("edge forwarder retry {} failed: {}", failures, e.toString());
        }
        dropConnection();
        pause(backoff.delay(failures, ThreadLocalRandom.current().nextDouble()));
      }
    }
  }

  /** Sends up to a window of the oldest messages; false when there was nothing to send. */
  private boolean sendOldest() throws MqttException {
    List<EdgeBuffer.Message> batch = buffer.oldest(window);
    if (batch.isEmpty()) {
      return false;
    }
    List<IMqttDeliveryToken> tokens = new ArrayList<>(batch.size());
    for (EdgeBuffer.Message message : batch) {
      tokens.add(client.publish(message.topic(), EdgeEncoder.payload(message), 1, false));
    }
    long acknowledgedThrough = -1;
    long readings = 0;
    try {
      for (int i = 0; i < batch.size(); i++) {
        tokens.get(i).waitForCompletion(ackTimeout.toMillis());
        acknowledgedThrough = batch.get(i).seq();
        readings += batch.get(i).readings();
      }
    } finally {
      if (acknowledgedThrough >= 0) {
        buffer.removeThrough(acknowledgedThrough);
        forwardedReadings.addAndGet(readings);
      }
    }
    return true;
  }

  private void dropConnection() {
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 1_000);
      }
    } catch (MqttException ignored) {
      // the next connect starts from a clean slate anyway
    }
  }

  private void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dropConnection();
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("closing the edge forwarder's client: {}", e.toString());
    }
  }
}
