package io.twinworks.runtime.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code twinworks bench}: the load into the bare broker (one plain subscriber), then into Twinworks (counted by
 * its ingest metric, timed by the probes) — once, or step by step with {@code --find-max} — and a report of both
 * and their ratio: a table on stdout and optionally JSON.
 */
public final class Bench {

  private Bench() {}

  /**
   * The report, also written as JSON: the bare broker's run and Twinworks' run (or the bare broker's alone, and the
   * steps in {@code findMax}); ratio = Twinworks' applied rate (the knee's) ÷ the bare broker's, null without a knee;
   * how fine the state latency is.
   */
  public record Report(Instant date, BenchSettings settings, List<RunResult> runs, Double ratio,
      FindMax.Result findMax, String resolution) {

    /** Nothing lost in any run; with find-max, whether the search ran (a loss is how a step breaks a bound). */
    public boolean complete() {
      return findMax != null || runs.stream().allMatch(run -> run.lost() == 0);
    }
  }

  public static Report run(BenchSettings settings, Path json, Progress progress) throws Exception {
    LoadMix.Split split = settings.split();
    progress.line(header(settings, split));
    FindMaxSettings findMax = settings.findMax();
    LoadFleet fleet = LoadFleet.of(split, "");
    LoadRun.Counter counters = TwinworksApi.summedIngestCounters(settings.metricsUrls());
    warmUp(settings, fleet, counters, findMax == null ? settings.rate() : findMax.startRate(), progress);
    RunResult bare = BareBrokerRun.run(new LoadRun.Plan("bare broker", LoadFleet.of(split, BareBrokerRun.TOPIC_PREFIX),
        findMax == null ? settings.length() : LoadLength.of(findMax.stepDuration()),
        findMax == null ? settings.rate() : 0), settings, progress);
    Report report;
    try (Probes probes = Probes.start(settings.mqttUrl(), settings.httpUrl(), settings.qos(), settings.probeRate())) {
      if (findMax == null) {
        RunResult twinworks = LoadRun.run(new LoadRun.Plan("twinworks", fleet, settings.length(), settings.rate()),
            settings, counters, probes, progress);
        report = new Report(Instant.now(), settings, List.of(bare, twinworks), ratio(twinworks, bare), null,
            probes.resolution());
      } else {
        FindMax.Result search = FindMax.search(findMax, (step, rate) -> LoadRun.run(
            new LoadRun.Plan("step " + step, fleet, LoadLength.of(findMax.stepDuration()), rate), settings,
            counters, probes, progress), progress);
        report = new Report(Instant.now(), settings, List.of(bare),
            search.knee().map(knee -> ratio(knee, bare)).orElse(null), search, probes.resolution());
      }
    }
    System.out.println();
    ReportTable.lines(report).forEach(System.out::println);
    if (json != null) {
      ReportFile.write(json, report);
      progress.line("results written to " + json);
    }
    return report;
  }

  /**
   * Publishes the load into Twinworks for the warm-up time (the fleet's source clocks go on from there) and waits
   * until all of it is applied: a fresh runtime spends a third of its CPU in the JIT compiler for the first minute or
   * two of load, which is not the steady state a buyer runs in.
   */
  private static void warmUp(BenchSettings settings, LoadFleet fleet, LoadRun.Counter counters, double rate,
      Progress progress) {
    if (settings.warmup().isZero()) {
      return;
    }
    RunResult warm = LoadRun.run(new LoadRun.Plan("warm-up", fleet, LoadLength.of(settings.warmup()), rate), settings,
        counters, Probes.off(), progress);
    if (warm.lost() > 0) {
      throw new IllegalStateException(String.format(Locale.ROOT, "warm-up: Twinworks did not apply %,d of %,d "
          + "readings within --drain-grace %s; they would be counted in the measured run", warm.lost(),
          warm.published(), settings.drainGrace()));
    }
    progress.line(String.format(Locale.ROOT, "warm-up: %,d readings applied at %,.0f/s (not part of the results)",
        warm.applied(), warm.appliedPerSecond()));
  }

  private static double ratio(RunResult twinworks, RunResult bare) {
    return twinworks.appliedPerSecond() / bare.appliedPerSecond();
  }

  private static String header(BenchSettings s, LoadMix.Split split) {
    String load = s.findMax() != null
        ? String.format(Locale.ROOT, "find-max from %,.0f readings/s ×%.2f a step of %s", s.findMax().startRate(),
            s.findMax().factor(), LoadLength.of(s.findMax().stepDuration()).describe())
        : (s.rate() == 0 ? "unpaced" : String.format(Locale.ROOT, "%,.0f readings/s", s.rate())) + ", "
            + s.length().describe();
    return String.format(Locale.ROOT, "%d twins (%d sensors, %d machines, %d packs of %d cells), QoS %d, %d in flight, "
            + "%s; warm-up %s; probes %s; broker %s, Twinworks %s", s.twins(), split.sensors(), split.machines(),
        split.packs(), LoadFleet.CELLS_PER_PACK, s.qos(), s.window(), load,
        s.warmup().isZero() ? "off" : LoadLength.of(s.warmup()).describe(),
        s.probeRate() == 0 ? "off" : String.format(Locale.ROOT, "%.0f state/s + 1 alert/s", s.probeRate()),
        s.mqttUrl(), s.metricsUrls().size() == 1 ? s.httpUrl()
            : s.httpUrl() + " (applied counted on " + String.join(", ", s.metricsUrls()) + ")");
  }
}
