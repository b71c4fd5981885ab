package io.twinworks.twins.oee;

import io.twinworks.twins.alert.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A machine's OEE that also takes late inputs: a run state or counter reading older than the latest input
 * is put in its place and the windows are recomputed, every window it touches (open or closed) coming out
 * as if it had arrived in order.
 *
 * <p>Besides the live {@link OeeAccumulator} it keeps a checkpoint (an accumulator fed only up to its own
 * latest input) and the OEE inputs after it. A late input is inserted among them and the live accumulator
 * rebuilt from the checkpoint; the {@code oee-low} findings of a rebuild are not reported again (their
 * windows were judged when they closed; the revised figures show in the API). The checkpoint follows the
 * live time {@link OeeRevisionLimits#within()} behind, or sooner when more than
 * {@link OeeRevisionLimits#maxInputs()} inputs are kept; an input older than the checkpoint or than
 * {@code within} before the latest counts at the latest time, as in {@link OeeAccumulator}.
 *
 * <p>Memory: a second accumulator and at most {@code maxInputs} inputs of 17 bytes. Deterministic:
 * {@link #state()}, {@link #revision()} and {@link #restore} continue bit for bit.
 */
public final class RevisableOee {

  /** The checkpoint and the inputs after it, for snapshots. */
  public record Revision(OeeAccumulator.State checkpoint, OeeInputs.State inputs) {}

  private final OeeSettings settings;
  private OeeAccumulator live;
  private final OeeAccumulator checkpoint;
  private final OeeInputs inputs;

  public RevisableOee(OeeSettings settings) {
    this(settings, new OeeAccumulator(settings), new OeeAccumulator(settings), new OeeInputs());
  }

  private RevisableOee(OeeSettings settings, OeeAccumulator live, OeeAccumulator checkpoint, OeeInputs inputs) {
    this.settings = settings;
    this.live = live;
    this.checkpoint = checkpoint;
    this.inputs = inputs;
  }

  /** Continues from a snapshot; without a revision (written before there was one) nothing before it is revised. */
  public static RevisableOee restore(OeeSettings settings, OeeAccumulator.State live, Revision revision) {
    if (revision == null) {
      return new RevisableOee(settings, OeeAccumulator.restore(settings, live), OeeAccumulator.restore(settings, live),
          new OeeInputs());
    }
    RevisableOee oee = new RevisableOee(settings, OeeAccumulator.restore(settings, live),
        OeeAccumulator.restore(settings, revision.checkpoint()), OeeInputs.restore(revision.inputs()));
    oee.followLive();
    return oee;
  }

  public OeeAccumulator.State state() {
    return live.state();
  }

  public Revision revision() {
    return new Revision(checkpoint.state(), inputs.state());
  }

  /** Any reading of the machine, in order or late; see {@link OeeAccumulator#onReading}. */
  public List<Finding> onReading(String signal, double value, long micros) {
    if (!OeeInputs.isInput(signal)) {
      return advanceTo(micros);
    }
    long latest = live.nowMicros();
    if (micros >= latest) {
      List<Finding> findings = live.onReading(signal, value, micros);
      inputs.add(signal, value, micros);
      followLive();
      return findings;
    }
    if (micros < checkpoint.nowMicros() || micros < latest - settings.revision().withinMicros()
        || settings.revision().maxInputs() == 0) {
      return live.onReading(signal, value, micros);
    }
    inputs.add(signal, value, micros);
    rebuild(latest);
    followLive();
    return List.of();
  }

  /** See {@link OeeAccumulator#advanceTo}. */
  public List<Finding> advanceTo(long micros) {
    List<Finding> findings = live.advanceTo(micros);
    followLive();
    return findings;
  }

  public Optional<OeeWindow> current(OeeBucket bucket) {
    return live.current(bucket);
  }

  public List<OeeWindow> windows(OeeBucket bucket, long fromMicros, long toMicros) {
    return live.windows(bucket, fromMicros, toMicros);
  }

  private void rebuild(long until) {
    live = OeeAccumulator.restore(settings, checkpoint.state());
    for (int i = 0; i < inputs.size(); i++) {
      live.onReading(inputs.signal(i), inputs.value(i), inputs.micros(i));
    }
    live.advanceTo(until);
  }

  /**
   * Moves inputs older than the revision window, or beyond the most kept, into the checkpoint, and the
   * checkpoint's time up to the window (or its oldest kept input), so a rebuild spans at most the window.
   */
  private void followLive() {
    long horizon = live.nowMicros() - settings.revision().withinMicros();
    while (inputs.size() > 0 && (inputs.micros(0) < horizon || inputs.size() > settings.revision().maxInputs())) {
      checkpoint.onReading(inputs.signal(0), inputs.value(0), inputs.micros(0));
      inputs.removeOldest();
    }
    long target = inputs.size() > 0 ? Math.min(horizon, inputs.micros(0)) : horizon;
    if (checkpoint.nowMicros() != Long.MIN_VALUE && target > checkpoint.nowMicros()) {
      checkpoint.advanceTo(target);
    }
  }
}
