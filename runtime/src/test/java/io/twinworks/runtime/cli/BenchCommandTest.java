package io.twinworks.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.bench.BenchSettings;
import io.twinworks.runtime.bench.FindMaxSettings;
import io.twinworks.runtime.bench.LoadLength;
import io.twinworks.runtime.bench.LoadMix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench}'s options become settings, and contradictions are refused with a reason. */
class BenchCommandTest {

  @Test
  void withoutOptionsItIsTodaysRun() {
    BenchSettings settings = parse();
    assertEquals(LoadMix.SENSORS_ONLY, settings.mix());
    assertEquals(LoadLength.ofReadings(100_000), settings.length()); // 100 twins × 1,000 readings
    assertEquals(0, settings.rate());
    assertEquals(1, settings.qos());
    assertNull(settings.findMax());
    assertEquals(Duration.ofSeconds(20), settings.warmup());
  }

  @Test
  void appliedReadingsAreCountedOnTheHttpUrlUnlessNodesAreListed() {
    assertEquals(List.of("http://127.0.0.1:8080"), parse().metricsUrls());
    assertEquals(List.of("http://127.0.0.1:18081", "http://127.0.0.1:18082", "http://127.0.0.1:18083"),
        parse("--http-url", "http://127.0.0.1:18081", "--metrics-url", "http://127.0.0.1:18081",
            "--metrics-url", "http://127.0.0.1:18082", "--metrics-url", "http://127.0.0.1:18083").metricsUrls());
  }

  @Test
  void theWarmUpCanBeLongerOrOff() {
    assertEquals(Duration.ofMinutes(1), parse("--warmup", "1m").warmup());
    assertEquals(Duration.ZERO, parse("--warmup", "0s").warmup());
  }

  @Test
  void aPacedMixForAWhile() {
    BenchSettings settings = parse("--mix", "sensors=80,machines=15,packs=5", "--rate", "3000", "--duration", "30s",
        "--qos", "0", "--twins", "20");
    assertEquals(new LoadMix(80, 15, 5), settings.mix());
    assertEquals(LoadLength.of(Duration.ofSeconds(30)), settings.length());
    assertEquals(3_000, settings.rate());
    assertEquals(0, settings.qos());
  }

  @Test
  void readingsPerTwinAndCountStillSetTheLength() {
    assertEquals(LoadLength.ofReadings(2_000), parse("--twins", "10", "--readings-per-twin", "200").length());
    assertEquals(LoadLength.ofReadings(5_000), parse("--count", "5000").length());
  }

  @Test
  void findMaxTakesItsStepsFromItsOwnOptions() {
    FindMaxSettings search = parse("--find-max", "--start-rate", "1000", "--step-duration", "500ms", "--max-p99",
        "PT2S", "--max-steps", "2").findMax();
    assertEquals(new FindMaxSettings(1_000, 1.25, Duration.ofMillis(500), Duration.ofSeconds(2), 2), search);
  }

  @Test
  void contradictionsAreRefused() {
    assertRefused("--find-max", "--rate", "5000");
    assertRefused("--duration", "30s", "--count", "10");
    assertRefused("--count", "10", "--readings-per-twin", "10");
    assertRefused("--warmup", "-5s");
    assertRefused("--twins", "2", "--mix", "sensors=80,machines=15,packs=5"); // three kinds need three twins
  }

  @Test
  void aDurationThatIsNotOneSaysWhatWouldBe() {
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new BenchCommand()).parseArgs("--duration", "soon"));
    assertTrue(e.getMessage().contains("'soon' is not a duration such as 30s"), e.getMessage());
  }

  private static BenchSettings parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings();
  }

  private static void assertRefused(String... args) {
    assertThrows(IllegalArgumentException.class, () -> parse(args));
  }
}
