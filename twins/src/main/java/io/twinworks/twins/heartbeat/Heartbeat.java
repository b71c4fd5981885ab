package io.twinworks.twins.heartbeat;

import io.twinworks.twins.alert.AlertGate;
import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.alert.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether one twin is still heard from. All times are receive times on our clock, epoch micros,
 * passed in: {@link #seen} with every reading, {@link #check} when the twin's timer fires at
 * {@link #deadlineMicros()}. Raises {@code communication-loss} once when the twin has been silent
 * for its timeout, or at once when the source reports its own death ({@link #lost}), and clears it with the
 * first reading after. Evidence, all in seconds: {@code lastSeen} (epoch), {@code timeout}, {@code silentFor};
 * a reported death adds {@code reportedDeath} = 1. Constant memory.
 *
 * <p>Mutable, owned by one twin; {@link #state()} and {@link #restore} carry it through snapshots.
 */
public final class Heartbeat {

  public static final String KIND = "communication-loss";
  /** The signal of its findings: the twin as a whole, not one of its signals. */
  public static final String SIGNAL = "heartbeat";
  /** Evidence of a loss the source reported itself ({@link #lost}). */
  public static final String REPORTED_DEATH = "reportedDeath";
  private static final long NEVER = Long.MIN_VALUE;
  private static final double SILENT = 1.0;
  private static final double HEARD = 0.0;

  /** The heartbeat's state for snapshots; the timeout is configuration, not state. */
  public record State(long lastSeenMicros, AlertGate.State loss) {}

  private final AlertGate loss = new AlertGate(SILENT, SILENT, 0);
  private long timeoutMicros;
  private long lastSeenMicros = NEVER;

  public Heartbeat(long timeoutMicros) {
    this.timeoutMicros = requirePositive(timeoutMicros);
  }

  public static Heartbeat restore(long timeoutMicros, State state) {
    Heartbeat heartbeat = new Heartbeat(timeoutMicros);
    heartbeat.lastSeenMicros = state.lastSeenMicros();
    heartbeat.loss.restore(state.loss());
    return heartbeat;
  }

  /** A reading arrived at {@code receivedMicros}; clears a communication loss. */
  public Optional<Finding> seen(long receivedMicros) {
    long before = lastSeenMicros;
    lastSeenMicros = Math.max(lastSeenMicros, receivedMicros);
    if (loss.update(receivedMicros, HEARD) != Change.CLEARED) {
      return Optional.empty();
    }
    return Optional.of(finding(Change.CLEARED, before, receivedMicros));
  }

  /**
   * Raises communication loss when, at {@code nowMicros}, nothing has been seen for
   * {@code timeoutMicros} (the current timeout, which may have changed since the last call). A twin
   * never seen cannot be lost.
   */
  public Optional<Finding> check(long nowMicros, long timeoutMicros) {
    this.timeoutMicros = requirePositive(timeoutMicros);
    if (lastSeenMicros == NEVER) {
      return Optional.empty();
    }
    double score = nowMicros - lastSeenMicros >= timeoutMicros ? SILENT : HEARD;
    if (loss.active() || loss.update(nowMicros, score) != Change.RAISED) {
      return Optional.empty();
    }
    return Optional.of(finding(Change.RAISED, lastSeenMicros, nowMicros));
  }

  /**
   * The source reported at {@code nowMicros} that it is gone (a Sparkplug NDEATH or DDEATH): communication loss
   * at once, not after the timeout. A twin never seen, or already lost, stays as it is.
   */
  public Optional<Finding> lost(long nowMicros) {
    if (lastSeenMicros == NEVER || loss.active() || loss.update(nowMicros, SILENT) != Change.RAISED) {
      return Optional.empty();
    }
    Finding silent = finding(Change.RAISED, lastSeenMicros, nowMicros);
    Map<String, Double> evidence = new HashMap<>(silent.evidence());
    evidence.put(REPORTED_DEATH, 1.0);
    return Optional.of(new Finding(silent.change(), silent.kind(), silent.signal(), silent.severity(), silent.value(),
        silent.expected(), silent.deviation(), silent.sourceTimeMicros(), evidence));
  }

  public HealthStatus status() {
    if (lastSeenMicros == NEVER) {
      return HealthStatus.UNKNOWN;
    }
    return loss.active() ? HealthStatus.COMMUNICATION_LOSS : HealthStatus.ONLINE;
  }

  /** When to check next: last seen plus the timeout; none before the first reading or while lost. */
  public OptionalLong deadlineMicros() {
    if (lastSeenMicros == NEVER || loss.active()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(lastSeenMicros + timeoutMicros);
  }

  public OptionalLong lastSeenMicros() {
    return lastSeenMicros == NEVER ? OptionalLong.empty() : OptionalLong.of(lastSeenMicros);
  }

  public State state() {
    return new State(lastSeenMicros, loss.state());
  }

  private Finding finding(Change change, long lastSeen, long nowMicros) {
    double silentFor = seconds(nowMicros - lastSeen);
    double timeout = seconds(timeoutMicros);
    return new Finding(change, KIND, SIGNAL, Severity.WARNING, silentFor, timeout, silentFor - timeout, nowMicros,
        Map.of("lastSeen", seconds(lastSeen), "timeout", timeout, "silentFor", silentFor));
  }

  private static double seconds(long micros) {
    return micros / 1e6;
  }

  private static long requirePositive(long timeoutMicros) {
    if (timeoutMicros <= 0) {
      throw new IllegalArgumentException("heartbeat timeout must be positive, was " + timeoutMicros + " µs");
    }
    return timeoutMicros;
  }
}
