package io.twinworks.runtime.cli;

import io.twinworks.runtime.bench.NabReplay;
import io.twinworks.twins.anomaly.nab.NabCorpus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code twinworks bench nab}: the NAB corpus replayed through a running Twinworks, its alerts scored. */
@Command(name = "nab", mixinStandardHelpOptions = true,
    description = "Replay every NAB series over MQTT into a running Twinworks (one new sensor twin per file, the "
        + "rows' own timestamps), collect the detector alerts from the alert stream and score them as NAB does.")
public final class BenchNabCommand implements Callable<Integer> {

  static final String CORPUS = "shared/data/nab";

  @Option(names = "--data", paramLabel = "DIR",
      description = "NAB corpus (data/, labels/combined_windows.json); default: ../" + CORPUS + " next to the repository.")
  Path data;

  @Mixin
  BenchTarget target = new BenchTarget();

  @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    return BenchTarget.run("bench nab", () -> {
      Path corpus = Optional.ofNullable(data).orElseGet(BenchNabCommand::defaultCorpus);
      NabReplay.run(new NabReplay.Settings(corpus, target.mqttUrl, target.httpUrl, target.window, timeout),
          target.json, line -> System.out.println("bench nab: " + line));
      return true;
    });
  }

  /**
   * {@code shared/data/nab} in the nearest directory above the working directory or the jar (the repository's
   * parent holds {@code shared/}, also for a worktree one level further down).
   */
  static Path defaultCorpus() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    jarDirectory().ifPresent(starts::add);
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (NabCorpus.isCorpus(dir.resolve(CORPUS))) {
          return dir.resolve(CORPUS);
        }
      }
    }
    throw new IllegalArgumentException("no NAB corpus found in ../" + CORPUS + " above " + starts
        + ": give its directory with --data DIR");
  }

  private static Optional<Path> jarDirectory() {
    try {
      return Optional.of(Path.of(BenchNabCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
