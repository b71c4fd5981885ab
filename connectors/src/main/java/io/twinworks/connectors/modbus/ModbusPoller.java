package io.twinworks.connectors.modbus;

import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.twins.DeadLetter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one device on its own thread (j2mod blocks) until {@link #close()}: each poll runs the planned reads,
 * hands the readings and then each dead letter to the {@link ReadingSink} and waits for it, then waits for the next
 * poll time (none when the poll overran the interval: the next starts at once, polls never pile up). While the
 * device cannot be reached it tries again after a backoff (min, doubling up to max), each attempt a poll whose
 * registers are all {@code bad}. Nothing a device or the sink does stops the poller.
 */
public final class ModbusPoller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ModbusPoller.class);

  private final ModbusDevice device;
  private final ReadingSink sink;
  private final Clock clock;
  private final DevicePoll poll;
  private final PollSchedule schedule;
  private final ModbusConnection connection;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long polls;
  /** Whether the connection was lost or the last connect failed: only the first failure of a series is a warning. */
  private boolean unreachable;

  private ModbusPoller(ModbusDevice device, ReadingSink sink, Clock clock) {
    this.device = device;
    this.sink = sink;
    this.clock = clock;
    this.poll = new DevicePoll(device, clock);
    this.schedule = PollSchedule.of(device);
    this.connection = new ModbusConnection(device);
    this.thread = new Thread(this::run, "modbus-poller-" + device.name());
    thread.setDaemon(true);
  }

  /** Starts polling {@code device} at once. */
  public static ModbusPoller start(ModbusDevice device, ReadingSink sink, Clock clock) {
    ModbusPoller poller = new ModbusPoller(device, sink, clock);
    log.atInfo().addKeyValue("device", device.name()).addKeyValue("requests", poller.poll.plan().size())
        .log("modbus device {}: polling {} registers in {} requests every {}", device.describe(),
            device.registers().size(), poller.poll.plan().size(), Durations.format(device.pollInterval()));
    poller.thread.start();
    return poller;
  }

  /** Polls completed so far (each one handed to the sink). */
  public long polls() {
    return polls;
  }

  /** Stops polling and closes the connection; waits for the poll in flight (at most about one timeout). */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }

  private void run() {
    int failedConnects = 0;
    Instant nextStart = clock.instant();
    try {
      while (running) {
        sleepUntil(nextStart);
        Instant start = clock.instant();
        try {
          hand(pollOnce(start, polls + 1));
        } catch (RuntimeException e) {
          log.atError().addKeyValue("device", device.name()).setCause(e)
              .log("modbus device {}: poll failed unexpectedly; polling on", device.describe());
        }
        polls++;
        if (connection.isConnected()) {
          failedConnects = 0;
          nextStart = schedule.next(start, clock.instant());
        } else {
          failedConnects++;
          nextStart = schedule.reconnect(failedConnects, clock.instant());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connection.close();
      log.atInfo().addKeyValue("device", device.name()).log("modbus device {}: poller stopped after {} polls",
          device.describe(), polls);
    }
  }

  private PollOutcome pollOnce(Instant start, long seq) {
    if (!connection.isConnected()) {
      try {
        connection.connect();
        unreachable = false;
        log.atInfo().addKeyValue("device", device.name()).log("modbus device {}: connected", device.describe());
      } catch (ModbusReadException e) {
        (unreachable ? log.atDebug() : log.atWarn()).addKeyValue("device", device.name())
            .log("modbus device {}: {}; trying again with backoff up to {}", device.describe(), e.reason(),
                Durations.format(device.maxBackoff()));
        unreachable = true;
        return poll.unreachable(start, seq, e.reason());
      }
    }
    PollOutcome outcome = poll.run(connection, start, seq);
    if (!connection.isConnected()) {
      log.atWarn().addKeyValue("device", device.name()).log("modbus device {}: connection lost ({}); reconnecting "
          + "after {}", device.describe(), outcome.connectionProblem(), Durations.format(device.minBackoff()));
      unreachable = true;
    } else if (!outcome.deadLetters().isEmpty()) {
      log.atDebug().addKeyValue("device", device.name()).log("modbus device {}: {} reads failed in poll {}",
          device.describe(), outcome.deadLetters().size(), seq);
    }
    return outcome;
  }

  /** Hands the readings, then each dead letter, to the sink, waiting for each: the sink's pace is the poller's. */
  private void hand(PollOutcome outcome) throws InterruptedException {
    if (!outcome.readings().isEmpty()) {
      await(() -> sink.readings(outcome.readings()).toCompletableFuture().get(), "readings");
    }
    for (DeadLetter letter : outcome.deadLetters()) {
      await(() -> sink.deadLetter(letter).toCompletableFuture().get(), "a dead letter");
    }
  }

  private void await(Handover handover, String what) throws InterruptedException {
    try {
      handover.run();
    } catch (ExecutionException e) {
      log.atWarn().addKeyValue("device", device.name()).log("modbus device {}: the sink failed to take {} ({}); "
          + "polling on", device.describe(), what, e.getCause() == null ? e : e.getCause().toString());
    }
  }

  private void sleepUntil(Instant time) throws InterruptedException {
    long millis = Duration.between(clock.instant(), time).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  /** One wait for the sink. */
  @FunctionalInterface
  private interface Handover {
    void run() throws InterruptedException, ExecutionException;
  }
}
