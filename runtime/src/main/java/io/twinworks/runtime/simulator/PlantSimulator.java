package io.twinworks.runtime.simulator;

import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.connectors.mqtt.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a small plant over MQTT for {@code bin/twinworks demo}: CNC machines, sensors and battery
 * cells on DESIGN.md's default topics, with injected faults and malformed payloads. A tick every
 * 100 ms publishes whatever is due; Paho bounds the messages awaiting PUBACK, and a message that
 * cannot be sent (broker down, too many in flight) is counted as failed, not queued.
 */
public final class PlantSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PlantSimulator.class);
  private static final long TICK_MILLIS = 100;
  private static final int MAX_INFLIGHT = 1_000;

  private final SimulatorSettings settings;
  private final int qos;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong readings = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(PlantSimulator::tickerThread);
  private volatile MqttAsyncClient client;
  private volatile long startNanos;

  public PlantSimulator(SimulatorSettings settings) {
    this(settings, 1);
  }

  public PlantSimulator(SimulatorSettings settings, int qos) {
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, was " + qos);
    }
    this.settings = settings;
    this.qos = qos;
  }

  /**
   * Connects to {@code brokerUrl} and starts publishing. Reconnects on its own after a later loss.
   *
   * @throws IllegalStateException if the broker cannot be reached within 10 s
   */
  public synchronized void start(String brokerUrl) {
    if (client != null) {
      throw new IllegalStateException("simulator already started");
    }
    try {
      MqttAsyncClient mqtt =
          new MqttAsyncClient(
              brokerUrl, "twinworks-simulator-" + ProcessHandle.current().pid(), new MemoryPersistence());
      mqtt.connect(connectOptions(brokerUrl)).waitForCompletion(10_000);
      client = mqtt;
    } catch (MqttException e) {
      throw new IllegalStateException("simulator cannot connect to " + brokerUrl + ": " + e.getMessage(), e);
    }
    startNanos = System.nanoTime();
    Plant plant = new Plant(settings, System.currentTimeMillis());
    ticker.scheduleAtFixedRate(() -> tick(plant), 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    log.info("plant simulator publishing to {} ({})", brokerUrl, settings);
  }

  /** Messages the broker acknowledged (for QoS 0: handed to the socket). */
  public long published() {
    return published.get();
  }

  /** Readings in the acknowledged messages (a machine message carries five). */
  public long readingsPublished() {
    return readings.get();
  }

  /** Messages not sent or not acknowledged. */
  public long failed() {
    return failed.get();
  }

  /** E.g. {@code simulator: 1,234 msgs (12,345 readings) published, 523 readings/s, 0 failed}. */
  public String summaryLine() {
    double seconds = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    long rate = seconds > 0 ? Math.round(readings.get() / seconds) : 0;
    return String.format(
        Locale.ROOT,
        "simulator: %,d msgs (%,d readings) published, %,d readings/s, %,d failed",
        published.get(),
        readings.get(),
        rate,
        failed.get());
  }

  /** Stops publishing, lets in-flight messages finish (up to 2 s) and disconnects. */
  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    MqttAsyncClient mqtt = client;
    if (mqtt == null) {
      return;
    }
    try {
      if (mqtt.isConnected()) {
        mqtt.disconnect(2_000).waitForCompletion(5_000);
      }
    } catch (MqttException e) {
      log.debug("simulator disconnect", e);
    }
    try {
      mqtt.close(true);
    } catch (MqttException e) {
      log.debug("simulator close", e);
    }
    log.info(summaryLine());
  }

  private void tick(Plant plant) {
    try {
      plant.due(System.currentTimeMillis(), this::publish);
    } catch (RuntimeException e) {
      // keep ticking: a scheduled task that throws is never run again
      log.warn("simulator tick failed", e);
    }
  }

  private void publish(SimMessage message) {
    try {
      client.publish(
          message.topic(),
          message.payload().getBytes(StandardCharsets.UTF_8),
          qos,
          false,
          null,
          new Acknowledged(message.readings()));
    } catch (MqttException e) {
      failed.incrementAndGet(); // not connected, or MAX_INFLIGHT messages still await their PUBACK
    }
  }

  private MqttConnectOptions connectOptions(String brokerUrl) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxInflight(MAX_INFLIGHT);
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(30);
    options.setSocketFactory(new NoDelaySocketFactory());
    MqttSettings.configuredFor(brokerUrl).applyCredentialsAndTls(options);
    return options;
  }

  private static Thread tickerThread(Runnable runnable) {
    Thread thread = new Thread(runnable, "twinworks-simulator");
    thread.setDaemon(true);
    return thread;
  }

  private final class Acknowledged implements IMqttActionListener {
    private final int readingCount;

    Acknowledged(int readingCount) {
      this.readingCount = readingCount;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      published.incrementAndGet();
      readings.addAndGet(readingCount);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable cause) {
      failed.incrementAndGet();
    }
  }
}
