package io.twinworks.connectors.alert;

import io.twinworks.connectors.Backoff;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.twins.alert.Alert;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes alert changes as {@link AlertJson} to {@code {prefix}/{tenant}/{twinId}}, QoS 1, not retained,
 * over its own connection. {@link #publish} completes when the broker acknowledged the message (PUBACK)
 * and fails when it is not connected, when {@code maxInFlight} publishes already await their PUBACK, or
 * after {@code publishTimeout}: the caller retries from its cursor, so the session is clean (no state to
 * keep across connections) and a retried alert may arrive twice.
 *
 * <p>Connects in the background and reconnects with the ingest connection's backoff for as long as it
 * is open. A PUBACK that does not come within the timeout means the connection is unusable (a stuck
 * broker still answers TCP): it is dropped and made again rather than waiting for the keep-alive.
 * Memory: at most {@code maxInFlight} messages in flight.
 */
public final class MqttAlertPublisher implements AutoCloseable {

  private static final int QOS = 1;
  private static final int MQTT_MESSAGE_IDS = 65_535;
  private static final long DISCONNECT_QUIESCE_MILLIS = 2_000;
  private static final long DISCONNECT_TIMEOUT_MILLIS = 5_000;

  private final MqttAlertSettings settings;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final Backoff reconnectBackoff;
  /** Connects, reconnects and drops connections, one at a time; its single daemon thread owns the fields below. */
  private final ScheduledExecutorService scheduler;
  private final Semaphore inFlight;
  private final Set<CompletableFuture<Done>> awaitingAck = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Done> firstConnection = new CompletableFuture<>();
  private final CompletableFuture<Done> stopped = new CompletableFuture<>();
  private volatile boolean closed;
  private int failedConnects;
  private boolean reconnectScheduled;

  private MqttAlertPublisher(MqttSettings connection, MqttAlertSettings settings) throws MqttException {
    this.settings = settings;
    String clientId = settings.clientIdFor(connection);
    this.options = connection.connectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false); // this class reconnects, also when the first connect fails
    // The bound is ours (inFlight); Paho's only has to leave room for publishes that timed out, whose
    // messages it holds until the connection they are stuck on is dropped.
    options.setMaxInflight(Math.min(2 * settings.maxInFlight(), MQTT_MESSAGE_IDS));
    this.reconnectBackoff = new Backoff(connection.minBackoff(), connection.maxBackoff(), connection.randomFactor());
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.client = new MqttAsyncClient(connection.url(), clientId, new MemoryPersistence());
    client.setCallback(new Callback());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "twinworks-alerts-mqtt-" + clientId);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Creates the publisher and starts connecting in the background.
   *
   * @param connection the broker URL, credentials and reconnect backoff (the ingest connection's settings)
   * @throws IllegalStateException when {@code connection} has no URL
   * @throws IllegalArgumentException when Paho rejects the URL or client id
   */
  public static MqttAlertPublisher start(MqttSettings connection, MqttAlertSettings settings) {
    MqttAlertPublisher publisher;
    try {
      publisher = new MqttAlertPublisher(connection, settings);
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create the MQTT alert client for " + connection.url() + ": " + e, e);
    }
    publisher.scheduler.execute(publisher::connect);
    return publisher;
  }

  /** Completes when the first connection is made; fails if the publisher is closed before. */
  public CompletionStage<Done> firstConnection() {
    return firstConnection.minimalCompletionStage();
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  public String clientId() {
    return client.getClientId();
  }

  /** Publishes beyond this many awaiting their PUBACK fail at once; callers keep their parallelism at most this. */
  public int maxInFlight() {
    return settings.maxInFlight();
  }

  public String topicFor(Alert alert) {
    return settings.topicFor(alert);
  }

  /** Publishes the alert's current state; completes on the broker's PUBACK. */
  public CompletionStage<Done> publish(Alert alert) {
    return publish(settings.topicFor(alert), AlertJson.bytes(alert), QOS);
  }

  /**
   * Publishes any message, not retained, on this connection (the Sparkplug host sends its node commands so);
   * completes on the PUBACK at QoS 1, once written at QoS 0. Fails as {@link #publish(Alert)} does.
   */
  public CompletionStage<Done> publish(String topic, byte[] payload, int qos) {
    if (closed) {
      return CompletableFuture.failedStage(new IllegalStateException("the MQTT alert publisher is closed"));
    }
    if (!client.isConnected()) {
      return CompletableFuture.failedStage(new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED));
    }
    if (!inFlight.tryAcquire()) {
      return CompletableFuture.failedStage(new IllegalStateException(
          settings.maxInFlight() + " alert publishes already await their PUBACK (twinworks.alerts.mqtt.max-in-flight)"));
    }
    CompletableFuture<Done> acked = new CompletableFuture<>();
    awaitingAck.add(acked);
    // The caller sees the outcome only after the permit is back, so it may publish again at once.
    CompletableFuture<Done> settled = acked.whenComplete((done, failure) -> {
      awaitingAck.remove(acked);
      inFlight.release();
      if (failure instanceof TimeoutException) {
        later(() -> drop("no PUBACK within " + settings.publishTimeout()));
      }
    });
    acked.orTimeout(settings.publishTimeout().toNanos(), TimeUnit.NANOSECONDS);
    try {
      MqttMessage message = new MqttMessage(payload);
      message.setQos(qos);
      message.setRetained(false);
      client.publish(topic, message, null, completing(acked));
    } catch (MqttException | RuntimeException e) {
      acked.completeExceptionally(e);
    }
    return settled.minimalCompletionStage();
  }

  /**
   * Stops accepting publishes, lets those in flight finish for up to two seconds, disconnects and releases
   * the client's threads. Publishes still unacknowledged then fail.
   */
  public synchronized CompletionStage<Done> shutdown() {
    if (!closed) {
      closed = true;
      scheduler.execute(this::stop);
    }
    return stopped.minimalCompletionStage();
  }

  /** {@link #shutdown()} and wait for it. */
  @Override
  public void close() {
    shutdown().toCompletableFuture().orTimeout(DISCONNECT_TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS).join();
  }

  private void connect() {
    reconnectScheduled = false;
    if (closed || client.isConnected()) {
      return;
    }
    try {
      client.connect(options, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          later(() -> failedConnects = 0);
          firstConnection.complete(Done.getInstance());
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
          later(MqttAlertPublisher.this::reconnectLater);
        }
      });
    } catch (MqttException | RuntimeException e) {
      reconnectLater();
    }
  }

  private void reconnectLater() {
    if (closed || reconnectScheduled) {
      return;
    }
    reconnectScheduled = true;
    Duration delay = reconnectBackoff.delay(++failedConnects, ThreadLocalRandom.current().nextDouble());
    scheduler.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Drops the connection after a missing PUBACK, fails what awaits an ack on it, and connects again. */
  private void drop(String reason) {
    if (closed || !client.isConnected()) {
      return;
    }
    try {
      client.disconnectForcibly(0, DISCONNECT_TIMEOUT_MILLIS, false);
    } catch (MqttException e) {
      // the connection is gone either way
    }
    failAwaitingAck(new MqttException(MqttException.REASON_CODE_CONNECTION_LOST,
        new TimeoutException("connection dropped: " + reason)));
    reconnectLater();
  }

  private void stop() {
    try {
      if (client.isConnected()) {
        client.disconnect(DISCONNECT_QUIESCE_MILLIS).waitForCompletion(DISCONNECT_TIMEOUT_MILLIS);
      }
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // the client is unusable either way
    }
    failAwaitingAck(new IllegalStateException("the MQTT alert publisher is closed"));
    firstConnection.completeExceptionally(new IllegalStateException("the MQTT alert publisher is closed"));
    scheduler.shutdownNow();
    stopped.complete(Done.getInstance());
  }

  /** Runs a task on the scheduler thread; after shutdown there is nothing left to do. */
  private void later(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void failAwaitingAck(Throwable cause) {
    for (CompletableFuture<Done> acked : Set.copyOf(awaitingAck)) {
      acked.completeExceptionally(cause);
    }
  }

  private static IMqttActionListener completing(CompletableFuture<Done> acked) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        acked.complete(Done.getInstance());
      }

      @Override
      public void onFailure(IMqttToken token, Throwable cause) {
        acked.completeExceptionally(cause);
      }
    };
  }

  private final class Callback implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      failAwaitingAck(cause);
      later(MqttAlertPublisher.this::reconnectLater);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      // this client subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // completion is handled by each publish's listener
    }
  }
}
