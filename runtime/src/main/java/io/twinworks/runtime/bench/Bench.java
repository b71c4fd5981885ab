package io.twinworks.runtime.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Runs the bare-broker reference, then Twinworks, and reports both and their ratio. */
public final class Bench {

  private Bench() {}

  /** The report, also written as JSON. */
  public record Report(Instant date, BenchSettings settings, List<BenchResult> runs, double ratio) {}

  /** Returns whether every published reading was received in both runs. */
  public static boolean run(BenchSettings settings, Path json) throws Exception {
    Measurement.Progress progress = line -> System.out.println("bench: " + line);
    System.out.printf("bench: %,d readings over %d twins at QoS %d, %d in flight, broker %s%n",
        (long) settings.twins() * settings.readingsPerTwin(), settings.twins(), settings.qos(), settings.window(),
        settings.mqttUrl());
    BenchResult bare = BareBrokerRun.run(settings, progress);
    BenchResult twinworks = TwinworksRun.run(settings, progress);
    double ratio = twinworks.ratePerSecond() / bare.ratePerSecond();
    System.out.println();
    System.out.printf("%-12s %12s %12s %12s %10s %14s%n", "run", "published", "acked", "received", "seconds",
        "readings/s");
    for (BenchResult r : List.of(bare, twinworks)) {
      System.out.printf("%-12s %,12d %,12d %,12d %10.2f %,14.0f%n", r.name(), r.published(), r.acknowledged(),
          r.received(), r.seconds(), r.ratePerSecond());
    }
    System.out.printf("%nTwinworks end to end = %.0f %% of the bare broker's rate%s%n", ratio * 100,
        twinworks.complete() && bare.complete() ? ", nothing lost" : " — INCOMPLETE: readings missing");
    if (json != null) {
      writeJson(json, new Report(Instant.now(), settings, List.of(bare, twinworks), ratio));
    }
    return bare.complete() && twinworks.complete();
  }

  /** Writes a bench's report as pretty JSON, times as ISO-8601 text, and says where. */
  public static void writeJson(Path json, Object report) throws IOException {
    new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
    System.out.println("bench: results written to " + json);
  }
}
