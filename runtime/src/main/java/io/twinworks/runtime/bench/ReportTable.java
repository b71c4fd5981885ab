package io.twinworks.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as a person reads it: one row per run or find-max step (readings offered a second, published,
 * acknowledged, applied, lost, of the applied those older than their twin's latest (late), the sustained applied
 * rate, state and alert latency p50/p95/p99/max in ms), then
 * how Twinworks compares with the bare broker, the knee of a find-max, and what the latencies measure.
 */
final class ReportTable {

  private static final String FORMAT = "%-12s %9s %12s %12s %12s %9s %9s %10s  %-26s %-26s %s";

  private ReportTable() {}

  static List<String> lines(Bench.Report report) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, FORMAT, "run", "offered/s", "published", "acked", "applied", "lost",
        "late", "applied/s", "state ms p50/p95/p99/max", "alert ms p50/p95/p99/max", "").stripTrailing());
    report.runs().forEach(run -> lines.add(row(run, "")));
    if (report.findMax() != null) {
      report.findMax().steps().forEach(step -> lines.add(row(step.run(), step.broken() == null ? "held" : step.broken())));
    }
    lines.add("");
    report.runs().stream().filter(run -> run.alertLatency() != null && run.alertLatency().stages() != null
            && run.alertLatency().millis().count() > 0)
        .forEach(run -> lines.add("alert latency of " + run.name() + ", " + stages(run.alertLatency().stages())));
    lines.add(summary(report));
    lines.add("latency: publish → twin state visible on GET /api/v1/twins/{id} (" + report.resolution()
        + "); publish of an anomalous reading → its alert on the SSE stream (one probe a second)");
    return lines;
  }

  static String row(RunResult run, String verdict) {
    return String.format(Locale.ROOT, FORMAT, run.name(), offered(run.offeredPerSecond()), count(run.published()),
        run.acknowledged() == null ? "-" : count(run.acknowledged()), count(run.applied()), count(run.lost()),
        count(run.late()), count(Math.round(run.appliedPerSecond())), latency(run.stateLatency()), latency(run.alertLatency()), verdict)
        .stripTrailing();
  }

  /** Where an alert's time went: before and after the runtime's receive stamp, each p50/p95/p99/max in ms. */
  static String stages(ProbeLatency.Stages stages) {
    return "publish → received by the runtime: " + cell(stages.untilReceived()) + " ms; received → on SSE: "
        + cell(stages.afterReceived()) + " ms (p50/p95/p99/max)";
  }

  private static String cell(Percentiles p) {
    return millis(p.p50()) + "/" + millis(p.p95()) + "/" + millis(p.p99()) + "/" + millis(p.max());
  }

  /** E.g. {@code 8.1/14.2/22.0/140}, {@code 96.0/146/176/176 (1 of 20 unseen)}, or {@code -} without probes. */
  static String latency(ProbeLatency latency) {
    if (latency == null || latency.sent() == 0) {
      return "-";
    }
    Percentiles p = latency.millis();
    if (p.count() == 0) {
      return "none of " + latency.sent() + " seen";
    }
    return latency.unseen() == 0 ? cell(p) : cell(p) + " (" + latency.unseen() + " of " + latency.sent() + " unseen)";
  }

  private static String summary(Bench.Report report) {
    RunResult bare = report.runs().get(0);
    if (report.findMax() != null) {
      FindMax.Result search = report.findMax();
      return search.knee().map(knee -> String.format(Locale.ROOT,
              "knee: %s, %s readings/s offered, %,.0f/s applied = %.0f %% of the bare broker's %,.0f/s; %s",
              knee.name(), offered(knee.offeredPerSecond()), knee.appliedPerSecond(), report.ratio() * 100,
              bare.appliedPerSecond(), search.stoppedBecause()))
          .orElse("no step held: " + search.stoppedBecause());
    }
    RunResult twinworks = report.runs().get(report.runs().size() - 1);
    return String.format(Locale.ROOT, "Twinworks applied %,.0f readings/s = %.0f %% of the bare broker's %,.0f/s; %s",
        twinworks.appliedPerSecond(), report.ratio() * 100, bare.appliedPerSecond(),
        report.complete() ? "nothing lost" : "NOT APPLIED within the " + report.settings().drainGrace().toSeconds()
            + " s drain grace (lost, or still queued): " + count(bare.lost()) + " at the bare broker, "
            + count(twinworks.lost()) + " in Twinworks");
  }

  private static String offered(double perSecond) {
    return perSecond == 0 ? "max" : count(Math.round(perSecond));
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String millis(double ms) {
    return ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
  }
}
