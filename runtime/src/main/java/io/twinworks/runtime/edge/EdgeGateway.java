package io.twinworks.runtime.edge;

import io.twinworks.connectors.edge.EdgeBuffer;
import io.twinworks.connectors.edge.EdgeEncoder;
import io.twinworks.connectors.edge.EdgeForwarder;
import io.twinworks.runtime.connect.PollerSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant-side gateway: its pollers write into the durable buffer, the forwarder sends the buffer to the central
 * broker; metrics and a status line tell how it is doing. Nothing polled is lost while the broker is away (up to
 * the buffer's bound), nor on a {@code kill -9}: what the buffer took is on disk.
 */
public final class EdgeGateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EdgeGateway.class);

  /** What the status line and the metrics report. */
  public record Status(boolean connected, long bufferedMessages, long bufferedReadings, long droppedReadings,
      double lagSeconds, long forwardedReadings, long pollerProblems) {}

  private final EdgeSettings settings;
  private final EdgeBuffer buffer;
  private final EdgeForwarder forwarder;
  private final EdgeBufferSink sink;
  private final List<AutoCloseable> pollers = new ArrayList<>();
  private final EdgeMetrics metrics = new EdgeMetrics();
  private final ScheduledExecutorService statusTimer;
  private final Clock clock;
  private int metricsPort = -1;

  private EdgeGateway(EdgeSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.buffer = EdgeBuffer.open(settings.bufferPath(), settings.bufferMaxBytes(), clock);
    this.sink = new EdgeBufferSink(buffer, new EdgeEncoder(settings.gateway()));
    this.forwarder = EdgeForwarder.start(buffer, settings.mqtt(), settings.window(), settings.ackTimeout());
    this.statusTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "twinworks-edge-status");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Opens the buffer, starts forwarding, the pollers, the metrics endpoint and the status line. */
  public static EdgeGateway start(EdgeSettings settings, List<PollerSpec> pollerSpecs, Consumer<String> statusLine) {
    EdgeGateway gateway = new EdgeGateway(settings, Clock.systemUTC());
    try {
      for (PollerSpec spec : pollerSpecs) {
        gateway.pollers.add(spec.start().apply(gateway.sink));
        log.info("edge poller {} started", spec.name());
      }
      gateway.registerMetrics();
      if (settings.metricsPort() >= 0) {
        gateway.metricsPort = gateway.metrics.serve(settings.metricsHost(), settings.metricsPort());
      }
      long every = settings.statusInterval().toMillis();
      gateway.statusTimer.scheduleAtFixedRate(() -> statusLine.accept(gateway.statusLine()), every, every,
          TimeUnit.MILLISECONDS);
      return gateway;
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  public Status status() {
    EdgeBuffer.Stats stats = buffer.stats();
    double lag = stats.oldest().map(t -> Duration.between(t, clock.instant()).toMillis() / 1e3).orElse(0.0);
    return new Status(forwarder.isConnected(), stats.messages(), stats.readings(), stats.droppedReadings(),
        Math.max(0, lag), forwarder.forwardedReadings(), sink.problems());
  }

  /** E.g. {@code edge plant1: connected to tcp://central:1883, 12 readings buffered, 0 dropped, lag 0.3 s, ...}. */
  String statusLine() {
    Status s = status();
    return String.format(Locale.ROOT, "edge %s: %s %s, %,d readings buffered, %,d dropped, lag %.1f s, %,d forwarded,"
            + " %,d poller problems%s", settings.gateway(), s.connected() ? "connected to" : "NOT CONNECTED to",
        settings.mqtt().url(), s.bufferedReadings(), s.droppedReadings(), s.lagSeconds(), s.forwardedReadings(),
        s.pollerProblems(), forwarder.isConnected() || forwarder.lastProblem().isEmpty() ? ""
            : " (" + forwarder.lastProblem() + ")");
  }

  /** The port {@code /metrics} is served on, -1 when off. */
  public int metricsPort() {
    return metricsPort;
  }

  private void registerMetrics() {
    metrics.gauge("twinworks_edge_connected", "1 while the forwarder is connected to the central broker",
        () -> forwarder.isConnected() ? 1 : 0);
    metrics.gauge("twinworks_edge_buffered_readings", "Readings in the buffer, not yet acknowledged by the broker",
        () -> status().bufferedReadings());
    metrics.gauge("twinworks_edge_buffered_messages", "Messages in the buffer", () -> status().bufferedMessages());
    metrics.gauge("twinworks_edge_lag_seconds", "Age of the oldest buffered message", () -> status().lagSeconds());
    metrics.counter("twinworks_edge_dropped_readings", "Readings dropped because the buffer was full",
        () -> status().droppedReadings());
    metrics.counter("twinworks_edge_forwarded_readings", "Readings the central broker acknowledged",
        forwarder::forwardedReadings);
    metrics.counter("twinworks_edge_poller_problems", "Failed reads and undecodable values", sink::problems);
  }

  @Override
  public void close() {
    statusTimer.shutdownNow();
    for (AutoCloseable poller : pollers) {
      try {
        poller.close();
      } catch (Exception e) {
        log.warn("an edge poller did not stop cleanly: {}", e.toString());
      }
    }
    metrics.close();
    forwarder.close();
    buffer.close();
  }
}
