package io.twinworks.runtime.cli;

import io.twinworks.runtime.bench.Bench;
import io.twinworks.runtime.bench.BenchSettings;
import io.twinworks.runtime.bench.FindMaxSettings;
import io.twinworks.runtime.bench.LoadLength;
import io.twinworks.runtime.bench.LoadMix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code twinworks bench}: end-to-end ingest against the bare broker's, measured in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {BenchNabCommand.class, BenchAlertsCommand.class, BenchHeapCommand.class},
    description = "Measure a running Twinworks as a buyer would: publish a load of sensors, machines and battery "
        + "packs (paced or as fast as it goes) into the bare broker and then into Twinworks; account for every reading "
        + "(published, acknowledged, applied by twins, lost), the sustained applied rate, and the latency from publish "
        + "to twin state and to alert. --find-max raises the rate step by step until a bound breaks.")
public final class BenchCommand implements Callable<Integer> {

  private static final int DEFAULT_READINGS_PER_TWIN = 1000;

  @Mixin
  BenchTarget target = new BenchTarget();

  @Option(names = "--twins", defaultValue = "100", description = "Twins of the load (default ${DEFAULT-VALUE}).")
  int twins;

  @Option(names = "--mix", paramLabel = "KIND=W,..", defaultValue = "sensors=100",
      description = "Kinds of the twins by weight, e.g. sensors=80,machines=15,packs=5 (default ${DEFAULT-VALUE}); "
          + "a machine publish carries 5 readings, a pack has 16 cells × 3 metrics.")
  String mix;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
      description = "Readings/s offered in total; 0 = as fast as --window allows (default).")
  double rate;

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
      description = "Publish for this long (e.g. 30s) instead of a number of readings.")
  Duration duration;

  @Option(names = "--count", paramLabel = "N", description = "Readings in total (default --twins × --readings-per-twin).")
  Long count;

  @Option(names = "--readings-per-twin", paramLabel = "N",
      description = "Readings per twin on average (default " + DEFAULT_READINGS_PER_TWIN + ").")
  Integer readingsPerTwin;

  @Option(names = "--metrics-url", paramLabel = "URL",
      description = "HTTP URL of a node whose applied readings count; repeat it for every node of a cluster "
          + "(default: --http-url).")
  List<String> metricsUrls = new ArrayList<>();

  @Option(names = "--qos", defaultValue = "1", description = "0 or 1, for the load and the probes (default ${DEFAULT-VALUE}).")
  int qos;

  @Option(names = "--probe-rate", paramLabel = "P", defaultValue = "10",
      description = "State probes a second (plus one alert probe a second); 0 = no probes (default ${DEFAULT-VALUE}).")
  double probeRate;

  @Option(names = "--drain-grace", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
      description = "After the load, how long Twinworks may take to apply the rest (default ${DEFAULT-VALUE}).")
  Duration drainGrace;

  @Option(names = "--timeout", defaultValue = "PT10M", converter = DurationConverter.class,
      description = "Give up publishing after (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--warmup", paramLabel = "D", defaultValue = "20s", converter = DurationConverter.class,
      description = "Before measuring, publish the same load into Twinworks for this long and let it apply all of it, "
          + "so the runtime's JIT compiler is done and the numbers are the steady state's; 0 = no warm-up "
          + "(default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--find-max", description = "Raise the rate step by step until loss, applied < 95 %% of offered, "
      + "or state p99 over --max-p99; report the knee.")
  boolean findMax;

  @Option(names = "--start-rate", paramLabel = "R", defaultValue = "2000",
      description = "--find-max: first step's readings/s (default ${DEFAULT-VALUE}).")
  double startRate;

  @Option(names = "--step-factor", paramLabel = "F", defaultValue = "1.25",
      description = "--find-max: rate factor per step (default ${DEFAULT-VALUE}).")
  double stepFactor;

  @Option(names = "--step-duration", paramLabel = "D", defaultValue = "15s", converter = DurationConverter.class,
      description = "--find-max: load per step (default ${DEFAULT-VALUE}).")
  Duration stepDuration;

  @Option(names = "--max-p99", paramLabel = "D", defaultValue = "1s", converter = DurationConverter.class,
      description = "--find-max: highest p99 of publish → state visible (default ${DEFAULT-VALUE}).")
  Duration maxP99;

  @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0",
      description = "--find-max: stop after N steps even if all held; 0 = no limit (default).")
  int maxSteps;

  @Override
  public Integer call() {
    return BenchTarget.run("bench", () -> Bench.run(settings(), target.json,
        line -> System.out.println("bench: " + line)).complete());
  }

  BenchSettings settings() {
    FindMaxSettings search = null;
    LoadLength length = null;
    if (findMax) {
      if (duration != null || count != null || readingsPerTwin != null || rate != 0) {
        throw new IllegalArgumentException("--find-max sets the rate and length of each step itself: leave out "
            + "--rate, --duration, --count and --readings-per-twin (see --start-rate, --step-duration)");
      }
      search = new FindMaxSettings(startRate, stepFactor, stepDuration, maxP99, maxSteps);
    } else {
      length = length();
    }
    return new BenchSettings(target.mqttUrl, target.httpUrl, twins, LoadMix.parse(mix), qos, target.window, rate,
        length, probeRate, drainGrace, timeout, warmup, search,
        metricsUrls.isEmpty() ? List.of(target.httpUrl) : metricsUrls);
  }

  private LoadLength length() {
    if (duration != null && (count != null || readingsPerTwin != null)) {
      throw new IllegalArgumentException("give either --duration or a number of readings (--count, --readings-per-twin)");
    }
    if (count != null && readingsPerTwin != null) {
      throw new IllegalArgumentException("give either --count or --readings-per-twin");
    }
    if (duration != null) {
      return LoadLength.of(duration);
    }
    return LoadLength.ofReadings(count != null ? count
        : (long) twins * (readingsPerTwin != null ? readingsPerTwin : DEFAULT_READINGS_PER_TWIN));
  }
}
