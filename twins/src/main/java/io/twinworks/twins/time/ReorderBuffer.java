package io.twinworks.twins.time;

import io.twinworks.twins.Quality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Puts one twin's samples back in source-time order before its analytics see them. Samples wait
 * until the watermark (newest source time seen minus the grace period) reaches them, then leave
 * sorted by (source time, arrival order). A sample older than the watermark when it arrives is
 * <em>late</em>: it is reported apart, so the twin can flag it and recompute the windows it falls
 * into, and never enters the in-order stream, which therefore never goes back in time.
 *
 * <p>The watermark only moves forward: with new samples, with {@link #flush} (a tick from the twin's
 * timer) and when the buffer is full. Bounded: at most {@link ReorderSettings#maxHeld()} samples are
 * held; when a batch leaves more, the oldest are released early and the watermark moves up to the
 * last of them, so a straggler older than that is then late rather than out of order.
 *
 * <p>Mutable, owned by one twin; {@link #state()} and {@link #restore} carry it through snapshots.
 *
 * @param <P> an opaque payload carried with each sample (e.g. the reading it came from)
 */
public final class ReorderBuffer<P> {

  private static final long NONE = Long.MIN_VALUE;
  private static final Comparator<Held<?>> ORDER =
      Comparator.<Held<?>>comparingLong(held -> held.sample().sourceTimeMicros()).thenComparingLong(Held::arrival);

  /** One sample of one signal; {@code payload} is the caller's and may be null. */
  public record Sample<P>(String signal, double value, Quality quality, long sourceTimeMicros, P payload) {
    public Sample {
      Objects.requireNonNull(signal, "signal");
      Objects.requireNonNull(quality, "quality");
    }
  }

  /** A held sample and its arrival number, which breaks ties between equal source times. */
  public record Held<P>(long arrival, Sample<P> sample) {}

  /** What a call let go: the in-order samples, and the late ones (in arrival order). */
  public record Output<P>(List<Sample<P>> released, List<Sample<P>> late) {
    public Output {
      released = List.copyOf(released);
      late = List.copyOf(late);
    }
  }

  /**
   * The buffer's state for snapshots.
   *
   * @param watermarkMicros samples older than this are late, {@link Long#MIN_VALUE} before any
   * @param maxSeenMicros the newest source time seen, {@link Long#MIN_VALUE} before any
   * @param nextArrival the arrival number the next sample gets
   * @param held the samples waiting, in release order
   */
  public record State<P>(long watermarkMicros, long maxSeenMicros, long nextArrival, List<Held<P>> held) {
    public State {
      held = List.copyOf(held);
    }
  }

  private final long graceMicros;
  private final int maxHeld;
  /** The samples waiting; null while none do (most twins, most of the time: a grace period of 0 holds none). */
  private PriorityQueue<Held<P>> held;
  private long watermarkMicros = NONE;
  private long maxSeenMicros = NONE;
  private long nextArrival;

  public ReorderBuffer(ReorderSettings settings) {
    this.graceMicros = settings.graceMicros();
    this.maxHeld = settings.maxHeld();
  }

  /** A buffer with {@code settings} (which may have changed since the snapshot) that continues from {@code state}. */
  public static <P> ReorderBuffer<P> restore(ReorderSettings settings, State<P> state) {
    ReorderBuffer<P> buffer = new ReorderBuffer<>(settings);
    buffer.watermarkMicros = state.watermarkMicros();
    buffer.maxSeenMicros = state.maxSeenMicros();
    buffer.nextArrival = state.nextArrival();
    state.held().forEach(buffer::hold);
    return buffer;
  }

  public Output<P> offer(Sample<P> sample) {
    return offerAll(List.of(sample));
  }

  /**
   * Takes a batch that arrived together: each sample is late or held against the watermark as it was
   * before the batch (so a batch may bring its own samples in any order), then the watermark moves
   * up to the batch's newest source time minus the grace period.
   */
  public Output<P> offerAll(List<Sample<P>> samples) {
    long before = watermarkMicros;
    List<Sample<P>> late = new ArrayList<>();
    for (Sample<P> sample : samples) {
      long at = sample.sourceTimeMicros();
      if (at < before) {
        late.add(sample);
        continue;
      }
      hold(new Held<>(nextArrival++, sample));
      maxSeenMicros = Math.max(maxSeenMicros, at);
    }
    if (maxSeenMicros >= Long.MIN_VALUE + graceMicros) {
      advanceTo(maxSeenMicros - graceMicros);
    }
    return new Output<>(release(), late);
  }

  /**
   * Declares source time up to {@code upToMicros} complete, e.g. on a timer tick when no new
   * samples came to move the watermark: releases what is held up to it, and later samples older
   * than it are late.
   */
  public Output<P> flush(long upToMicros) {
    advanceTo(upToMicros);
    return new Output<>(release(), List.of());
  }

  /** Samples older than this are late; {@link Long#MIN_VALUE} before the first sample. */
  public long watermarkMicros() {
    return watermarkMicros;
  }

  /** The newest source time seen, {@link Long#MIN_VALUE} before the first sample. */
  public long maxSeenMicros() {
    return maxSeenMicros;
  }

  public int heldCount() {
    return held == null ? 0 : held.size();
  }

  public State<P> state() {
    List<Held<P>> sorted = held == null ? new ArrayList<>() : new ArrayList<>(held);
    sorted.sort(ORDER);
    return new State<>(watermarkMicros, maxSeenMicros, nextArrival, sorted);
  }

  private void advanceTo(long micros) {
    watermarkMicros = Math.max(watermarkMicros, micros);
  }

  private void hold(Held<P> sample) {
    if (held == null) {
      held = new PriorityQueue<>(ORDER);
    }
    held.add(sample);
  }

  private List<Sample<P>> release() {
    List<Sample<P>> released = new ArrayList<>();
    if (held == null) {
      return released;
    }
    while (!held.isEmpty() && (held.peek().sample().sourceTimeMicros() <= watermarkMicros || held.size() > maxHeld)) {
      Sample<P> next = held.poll().sample();
      advanceTo(next.sourceTimeMicros());
      released.add(next);
    }
    if (held.isEmpty()) {
      held = null;
    }
    return released;
  }
}
