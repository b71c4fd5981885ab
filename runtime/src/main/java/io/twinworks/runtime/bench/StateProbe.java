package io.twinworks.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.runtime.simulator.Payloads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publish → twin state visible. Probe readings go to a few sensor twins ({@code default:BENCH-PROBE-1} ..,
 * signal {@code probe}) in turn, each a new value at its twin's next source time. A poller thread per twin reads
 * {@code GET /api/v1/twins/{id}} while the twin has a probe outstanding, sleeping the poll interval between
 * answers (one thread for all would poll each twin only every few GETs when a GET is slow under load). A probe
 * is seen once the signal's timestamp has reached the probe's source time (it, or a later probe of that twin, is
 * the latest value). Its latency runs from just before the publish to the answer that shows it: late by up to
 * one poll interval and one GET, which is the resolution the report states.
 */
final class StateProbe implements AutoCloseable {

  static final String SIGNAL = "probe";
  private static final Logger log = LoggerFactory.getLogger(StateProbe.class);
  private static final Duration APPEAR = Duration.ofSeconds(30);

  private record Pending(Instant sourceTime, long sentNanos) {}

  private record ProbeTwin(String sensorId, SourceClock clock, Deque<Pending> pending) {
    String twinId() {
      return "default:" + sensorId;
    }

    String topic() {
      return "sensors/" + sensorId + "/data";
    }
  }

  private final ProbePublisher publisher;
  private final TwinworksApi api;
  private final Duration poll;
  private final List<ProbeTwin> twins = new ArrayList<>();
  private final Recorder latencies = new Recorder(Percentiles.DIGITS);
  private final AtomicLong gets = new AtomicLong();
  private final AtomicLong getNanos = new AtomicLong();
  private final List<Thread> pollers = new ArrayList<>();
  private long sent;
  private long value;
  private int turn;
  private volatile boolean open = true;

  private StateProbe(ProbePublisher publisher, TwinworksApi api, int twinCount, Duration poll) {
    this.publisher = publisher;
    this.api = api;
    this.poll = poll;
    for (int i = 1; i <= twinCount; i++) {
      ProbeTwin twin = new ProbeTwin("BENCH-PROBE-" + i, new SourceClock(), new ArrayDeque<>());
      twins.add(twin);
      Thread poller = new Thread(() -> pollWhileOpen(twin), "bench-state-probe-" + i);
      poller.setDaemon(true);
      pollers.add(poller);
    }
  }

  /** Makes sure every probe twin exists (so no probe times a twin's creation), then starts polling. */
  static StateProbe start(ProbePublisher publisher, TwinworksApi api, int twins, Duration poll) {
    StateProbe probe = new StateProbe(publisher, api, twins, poll);
    for (ProbeTwin twin : probe.twins) {
      publisher.publish(twin.topic(), probe.payload(twin));
    }
    for (ProbeTwin twin : probe.twins) {
      api.awaitTwin(twin.twinId(), APPEAR);
    }
    probe.pollers.forEach(Thread::start);
    return probe;
  }

  /** Publishes the next probe to the next twin. */
  synchronized void fire() {
    ProbeTwin twin = twins.get(turn);
    turn = (turn + 1) % twins.size();
    long sentNanos = System.nanoTime();
    Instant at = twin.clock().next(Instant.now());
    if (publisher.publish(twin.topic(), Payloads.sensorData(twin.sensorId(), SIGNAL, ++value, at))) {
      twin.pending().add(new Pending(at, sentNanos));
      sent++;
    }
  }

  /** Whether every probe fired so far was seen. */
  synchronized boolean settled() {
    return twins.stream().allMatch(twin -> twin.pending().isEmpty());
  }

  /** The probes since the last call: how many were sent and the latencies of those seen; forgets the rest. */
  synchronized ProbeLatency interval() {
    ProbeLatency latency = new ProbeLatency(sent, Percentiles.ofMicros(latencies.getIntervalHistogram()));
    twins.forEach(twin -> twin.pending().clear());
    sent = 0;
    return latency;
  }

  /** Mean time of one GET of a twin so far, in milliseconds (part of the resolution). */
  double meanGetMillis() {
    long count = gets.get();
    return count == 0 ? Double.NaN : getNanos.get() / 1e6 / count;
  }

  private String payload(ProbeTwin twin) {
    return Payloads.sensorData(twin.sensorId(), SIGNAL, ++value, twin.clock().next(Instant.now()));
  }

  private void pollWhileOpen(ProbeTwin twin) {
    while (open) {
      if (hasPending(twin)) {
        pollOnce(twin);
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized boolean hasPending(ProbeTwin twin) {
    return !twin.pending().isEmpty();
  }

  private void pollOnce(ProbeTwin twin) {
    long asked = System.nanoTime();
    Optional<JsonNode> state;
    try {
      state = api.twin(twin.twinId());
    } catch (IllegalStateException e) {
      log.debug("probe poll of {} failed: {}", twin.twinId(), e.getMessage());
      return;
    }
    long answered = System.nanoTime();
    gets.incrementAndGet();
    getNanos.addAndGet(answered - asked);
    state.map(json -> json.path("signals").path(SIGNAL).path("timestamp").asText(null))
        .map(Instant::parse)
        .ifPresent(shown -> seen(twin, shown, answered));
  }

  private synchronized void seen(ProbeTwin twin, Instant shown, long answeredNanos) {
    Deque<Pending> pending = twin.pending();
    while (!pending.isEmpty() && !pending.peek().sourceTime().isAfter(shown)) {
      latencies.recordValue(Math.max(0, answeredNanos - pending.poll().sentNanos()) / 1_000);
    }
  }

  @Override
  public void close() {
    open = false;
    pollers.forEach(Thread::interrupt);
  }
}
