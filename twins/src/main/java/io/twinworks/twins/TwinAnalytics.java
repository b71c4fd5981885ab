package io.twinworks.twins;

import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.anomaly.DetectorSpec;
import io.twinworks.twins.anomaly.SignalDetectors;
import io.twinworks.twins.battery.BatteryPackRules;
import io.twinworks.twins.heartbeat.HealthStatus;
import io.twinworks.twins.heartbeat.Heartbeat;
import io.twinworks.twins.oee.OeeAccumulator;
import io.twinworks.twins.oee.RevisableOee;
import io.twinworks.twins.oee.OeeBucket;
import io.twinworks.twins.oee.OeeWindow;
import io.twinworks.twins.time.ClockDriftEstimator;
import io.twinworks.twins.time.ReorderBuffer;
import io.twinworks.twins.time.ReorderBuffer.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Orchestrates one twin's analytics: the clock-drift estimate, the reorder buffer that hands readings
 * on in source-time order, a detector set per signal, the heartbeat, and OEE (machines) or the pack
 * rules (battery packs). Called only by the twin's event handler, so replaying the journal gives the
 * same findings bit for bit. Mutable, owned by one twin; {@link #state()} for snapshots.
 */
public final class TwinAnalytics {

  /**
   * Everything, for snapshots; {@code oee}, {@code oeeRevision} and {@code battery} are null for kinds without
   * them ({@code oeeRevision} also in snapshots written before late OEE inputs were revised).
   */
  public record State(
      Map<String, SignalDetectors.State> detectors,
      ReorderBuffer.State<String> reorder,
      Heartbeat.State heartbeat,
      OeeAccumulator.State oee,
      BatteryPackRules.State battery,
      Map<String, SignalValue> packCells,
      ClockDriftEstimator.State clock,
      RevisableOee.Revision oeeRevision) {}

  private final TwinId id;
  private final TwinKind kind;
  private final AnalyticsDefaults defaults;
  private TwinConfig.Resolved config;
  private final Map<String, SignalDetectors> detectors = new LinkedHashMap<>();
  private ReorderBuffer<String> reorder;
  private Heartbeat heartbeat;
  private RevisableOee oee;
  private BatteryPackRules battery;
  /** A pack's cell signals as of the last sample handed on in order (the rules judge the pack at each time). */
  private final Map<String, SignalValue> packCells = new TreeMap<>();
  private ClockDriftEstimator clock;

  TwinAnalytics(TwinId id, TwinKind kind, AnalyticsDefaults defaults, TwinConfig.Resolved config) {
    this.id = id;
    this.kind = kind;
    this.defaults = defaults;
    this.config = config;
    this.reorder = new ReorderBuffer<>(config.reorder());
    this.heartbeat = new Heartbeat(micros(config));
    this.oee = kind == TwinKind.MACHINE ? new RevisableOee(config.oee()) : null;
    this.battery = kind == TwinKind.BATTERY_PACK ? new BatteryPackRules(config.battery()) : null;
    this.clock = new ClockDriftEstimator(defaults.clockDrift());
  }

  static TwinAnalytics restore(TwinId id, TwinKind kind, AnalyticsDefaults defaults, TwinConfig.Resolved config,
      State state) {
    TwinAnalytics analytics = new TwinAnalytics(id, kind, defaults, config);
    state.detectors().forEach((signal, detectorState) -> analytics.detectors.put(signal,
        SignalDetectors.restore(signal, analytics.specsFor(signal), detectorState)));
    analytics.reorder = ReorderBuffer.restore(config.reorder(), notPastNewestSeen(state.reorder()));
    analytics.heartbeat = Heartbeat.restore(micros(config), state.heartbeat());
    if (state.oee() != null && analytics.oee != null) {
      analytics.oee = RevisableOee.restore(config.oee(), state.oee(), state.oeeRevision());
    }
    if (state.battery() != null && analytics.battery != null) {
      analytics.battery = BatteryPackRules.restore(config.battery(), state.battery());
      analytics.packCells.putAll(state.packCells());
    }
    analytics.clock = ClockDriftEstimator.restore(defaults.clockDrift(), state.clock());
    return analytics;
  }

  /**
   * The buffer's state with its watermark no later than the newest source time it has seen, as a twin keeps it. A
   * watermark past that comes from a snapshot taken after a silence moved it to our clock (before {@link #checked}
   * kept to source time): for a source behind our clock every later reading would be late and never analysed.
   * Nothing is held in such a state (a watermark past every sample has released them all).
   */
  private static ReorderBuffer.State<String> notPastNewestSeen(ReorderBuffer.State<String> state) {
    if (state.watermarkMicros() <= state.maxSeenMicros()) {
      return state;
    }
    return new ReorderBuffer.State<>(state.maxSeenMicros(), state.maxSeenMicros(), state.nextArrival(), state.held());
  }

  /**
   * Readings the twin has just recorded, received at {@code receivedMicros}. Late ones (older than
   * their signal's latest) feed the clock estimate and revise the OEE windows; the rest go through the
   * reorder buffer, and those it finds behind its watermark revise the OEE windows too.
   */
  List<Finding> recorded(List<RecordedSample> samples, long receivedMicros) {
    List<Finding> findings = new ArrayList<>();
    heartbeat.seen(receivedMicros).ifPresent(findings::add);
    List<Sample<String>> inOrder = new ArrayList<>(samples.size());
    boolean correct = defaults.clockDrift().correct();
    for (RecordedSample sample : samples) {
      long source = TwinTime.micros(sample.sourceTime());
      clock.observe(source, receivedMicros);
      long time = correct ? clock.correct(source) : source;
      if (!sample.late()) {
        inOrder.add(new Sample<>(sample.signal(), sample.value(), sample.quality(), time, null));
      } else if (oee != null) {
        findings.addAll(oee.onReading(sample.signal(), sample.value(), time));
      }
    }
    ReorderBuffer.Output<String> ordered = reorder.offerAll(inOrder);
    analyse(ordered.released(), findings);
    if (oee != null) {
      // behind the reorder watermark: too late for the detectors, not for the OEE windows
      ordered.late().forEach(late -> findings.addAll(oee.onReading(late.signal(), late.value(), late.sourceTimeMicros())));
    }
    return findings;
  }

  /**
   * The heartbeat check at {@code nowMicros} (our clock): raises communication loss when silent for
   * the timeout, releases what the reorder buffer held, and lets OEE windows close.
   *
   * <p>The reorder buffer and the OEE windows go by the source's time, which may stand far from our clock (a PLC an
   * hour behind, a backlog replayed): our clock never moves them. The buffer lets go of everything it held, up to
   * the newest source time seen, so readings that come after the silence are still in order; the OEE windows close
   * up to the source's time as it would be now had it run on with ours since its last reading.
   */
  List<Finding> checked(long nowMicros) {
    List<Finding> findings = new ArrayList<>();
    heartbeat.check(nowMicros, micros(config)).ifPresent(findings::add);
    analyse(reorder.flush(reorder.maxSeenMicros()).released(), findings);
    if (oee != null) {
      findings.addAll(oee.advanceTo(sourceTimeAt(nowMicros)));
    }
    return findings;
  }

  /** The source's time at {@code nowMicros} (our clock), had it run on with ours since its last reading. */
  private long sourceTimeAt(long nowMicros) {
    OptionalLong lastSeen = heartbeat.lastSeenMicros();
    long newest = reorder.maxSeenMicros();
    if (lastSeen.isEmpty() || newest == Long.MIN_VALUE) {
      return nowMicros;
    }
    return newest + Math.max(0, nowMicros - lastSeen.getAsLong());
  }

  /** The source reported its own death at {@code nowMicros} (our clock): communication loss at once. */
  List<Finding> lost(long nowMicros) {
    return heartbeat.lost(nowMicros).stream().toList();
  }

  /** True when a check at {@code nowMicros} would raise communication loss. */
  boolean silentAt(long nowMicros) {
    OptionalLong deadline = heartbeat.deadlineMicros();
    return deadline.isPresent() && nowMicros >= deadline.getAsLong();
  }

  OptionalLong deadlineMicros() {
    return heartbeat.deadlineMicros();
  }

  java.time.Duration heartbeatTimeout() {
    return config.heartbeatTimeout();
  }

  HealthStatus health() {
    return heartbeat.status();
  }

  ClockDriftEstimator.Estimate clockEstimate() {
    return clock.estimate();
  }

  /** The open window of each OEE bucket; empty for kinds without OEE. */
  Map<String, OeeWindow> currentOee() {
    Map<String, OeeWindow> windows = new LinkedHashMap<>();
    if (oee != null) {
      for (OeeBucket bucket : OeeBucket.values()) {
        oee.current(bucket).ifPresent(window -> windows.put(bucket.json(), window));
      }
    }
    return windows;
  }

  List<OeeWindow> oeeWindows(OeeBucket bucket, long fromMicros, long toMicros) {
    return oee == null ? List.of() : oee.windows(bucket, fromMicros, toMicros);
  }

  /** Applies a new configuration: detectors start over with the new specs, the rest keeps its state. */
  void reconfigure(TwinConfig.Resolved next) {
    config = next;
    detectors.clear();
    reorder = ReorderBuffer.restore(next.reorder(), reorder.state());
    heartbeat = Heartbeat.restore(micros(next), heartbeat.state());
    if (oee != null) {
      oee = RevisableOee.restore(next.oee(), oee.state(), oee.revision());
    }
    if (battery != null) {
      battery = BatteryPackRules.restore(next.battery(), battery.state());
    }
  }

  State state() {
    Map<String, SignalDetectors.State> detectorStates = new LinkedHashMap<>();
    detectors.forEach((signal, set) -> detectorStates.put(signal, set.state()));
    return new State(detectorStates, reorder.state(), heartbeat.state(), oee == null ? null : oee.state(),
        battery == null ? null : battery.state(), Map.copyOf(packCells), clock.state(),
        oee == null ? null : oee.revision());
  }

  private void analyse(List<Sample<String>> released, List<Finding> findings) {
    long last = Long.MIN_VALUE;
    for (Sample<String> sample : released) {
      if (battery != null) {
        if (last != Long.MIN_VALUE && sample.sourceTimeMicros() != last) {
          findings.addAll(battery.evaluate(packCells, last)); // the pack as it was at the previous time
        }
        packCells.put(sample.signal(),
            new SignalValue(sample.value(), TwinTime.instant(sample.sourceTimeMicros()), sample.quality()));
      }
      if (sample.quality() != Quality.BAD) {
        findings.addAll(detectors.computeIfAbsent(sample.signal(), this::newDetectors)
            .update(sample.sourceTimeMicros(), sample.value()));
      }
      if (oee != null) {
        findings.addAll(oee.onReading(sample.signal(), sample.value(), sample.sourceTimeMicros()));
      }
      last = sample.sourceTimeMicros();
    }
    if (battery != null && !released.isEmpty()) {
      findings.addAll(battery.evaluate(packCells, last));
    }
  }

  private SignalDetectors newDetectors(String signal) {
    return new SignalDetectors(signal, specsFor(signal));
  }

  private List<DetectorSpec> specsFor(String signal) {
    return defaults.detectors().specsFor(kind, signal, config.detectorOverrides());
  }

  private static long micros(TwinConfig.Resolved config) {
    return config.heartbeatTimeout().toNanos() / 1_000;
  }

  @Override
  public String toString() {
    return "TwinAnalytics[" + id + "]";
  }
}
