package io.twinworks.runtime.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Publishes {@code twins × readingsEach} sensor readings (flat sensor JSON) through a {@link WindowedPublisher}:
 * a bounded window in flight, every reading acknowledged by the broker at least once, through restarts.
 * Reading {@code r} of twin {@code i} is {@code level = i * 100000 + r} at {@code start + r × 10 ms},
 * on {@code <topicPrefix>/LOAD-i/data} ({@code sensors} is the default route of sensor twins).
 */
public final class LoadPublisher {

  public static final String SIGNAL = "level";

  private final String topicPrefix;
  private final int twins;
  private final int readingsEach;
  private final Instant start;
  private final WindowedPublisher publisher;

  public LoadPublisher(String url, int twins, int readingsEach, Instant start) {
    this(url, "sensors", 1, twins, readingsEach, start);
  }

  public LoadPublisher(String url, String topicPrefix, int qos, int twins, int readingsEach, Instant start) {
    this.publisher = new WindowedPublisher(url, qos);
    this.topicPrefix = topicPrefix;
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
    return publisher.acknowledged();
  }

  /** Publishes everything; returns when every message was acknowledged or throws after {@code timeout}. */
  public void publishAll(int window, Duration timeout) throws Exception {
    publishAll(window, 0, timeout);
  }

  /** As {@link #publishAll(int, Duration)}, at most {@code perSecond} readings a second on average (0: unpaced). */
  public void publishAll(int window, double perSecond, Duration timeout) throws Exception {
    publisher.publishAll(new WindowedPublisher.Messages() {
      @Override
      public int total() {
        return LoadPublisher.this.total();
      }

      @Override
      public String topic(int n) {
        return topicPrefix + "/LOAD-" + (n % twins) + "/data";
      }

      @Override
      public byte[] payload(int n) {
        return message(n);
      }
    }, window, perSecond, timeout);
  }

  private byte[] message(int n) {
    int twin = n % twins;
    int reading = n / twins;
    String json = "{\"sensor_id\":\"LOAD-" + twin + "\",\"" + SIGNAL + "\":" + value(twin, reading)
        + ",\"timestamp\":\"" + time(reading) + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
