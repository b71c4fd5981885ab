package io.twinworks.runtime.cli;

import com.typesafe.config.Config;
import io.twinworks.runtime.LoggingAtExit;
import io.twinworks.runtime.StartupProgress;
import io.twinworks.runtime.TwinworksRuntime;
import io.twinworks.runtime.config.ConfigLoader;
import io.twinworks.runtime.config.InvalidConfigException;
import io.twinworks.runtime.config.RuntimeSettings;
import io.twinworks.runtime.simulator.PlantSimulator;
import io.twinworks.runtime.simulator.SimulatorSettings;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Starts the runtime from the command line, reports progress and errors a person can read. */
final class RuntimeLauncher {

  static final int CONFIG_ERROR = 2;
  static final int START_ERROR = 1;
  /** The cluster downed this node (the split-brain resolver, or an operator): a supervisor should start it again. */
  static final int DOWNED = 3;

  private RuntimeLauncher() {}

  static int launch(Path configFile, Optional<SimulatorSettings> demoPlant) {
    Config config;
    RuntimeSettings settings;
    try {
      config = ConfigLoader.load(Optional.ofNullable(configFile));
      settings = RuntimeSettings.create(config);
    } catch (InvalidConfigException | com.typesafe.config.ConfigException e) {
      System.err.println("twinworks: configuration error: " + e.getMessage());
      return CONFIG_ERROR;
    }
    TwinworksRuntime runtime;
    long started = System.nanoTime();
    try {
      runtime = TwinworksRuntime.start(config, settings, StartupProgress.console());
    } catch (InvalidConfigException | com.typesafe.config.ConfigException e) {
      System.err.println("twinworks: configuration error: " + e.getMessage());
      return CONFIG_ERROR;
    } catch (RuntimeException | Error e) {
      System.err.println("twinworks: could not start: " + rootMessage(e));
      return START_ERROR;
    }
    LoggingAtExit.until(runtime.whenStopped());
    String url = settings.httpSecurity().scheme() + "://" + settings.http().host() + ":" + runtime.httpPort();
    System.out.printf("twinworks: ready in %.1f s — twins at %s/api/v1/twins, metrics at %s/metrics%n",
        (System.nanoTime() - started) / 1e9, url, url);
    demoPlant.ifPresent(plant -> runSimulator(runtime, settings, url, plant));
    runtime.whenStopped().toCompletableFuture().join();
    return exitCode(runtime.downedByCluster());
  }

  /**
   * 0 after a requested stop; {@link #DOWNED} when the cluster removed this node, e.g. the split-brain resolver on the
   * minority side of a partition: a downed node cannot rejoin as it is, so it exits to be started again.
   */
  static int exitCode(boolean downedByCluster) {
    if (downedByCluster) {
      System.err.println("twinworks: this node was downed by the cluster (split-brain resolver or an operator) and "
          + "stopped; start it again to rejoin");
      return DOWNED;
    }
    return 0;
  }

  private static void runSimulator(TwinworksRuntime runtime, RuntimeSettings settings, String url,
      SimulatorSettings plant) {
    PlantSimulator simulator = new PlantSimulator(plant);
    simulator.start(settings.mqttUrl());
    System.out.println("twinworks: demo plant publishing to " + settings.mqttUrl()
        + " — try: curl -s " + url + "/api/v1/twins/default:line1:cnc01");
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "demo-summary");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> System.out.println(summary(simulator, runtime)), 5, 5, TimeUnit.SECONDS);
    // The simulator stops before the broker and the ingestion stage do, so no publish is left failing.
    CoordinatedShutdown.get(runtime.system()).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(),
        "demo-simulator-stop", () -> {
          ticker.shutdownNow();
          simulator.close();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  private static String summary(PlantSimulator simulator, TwinworksRuntime runtime) {
    return simulator.summaryLine() + " | twinworks: " + String.format("%,d", runtime.metrics().acceptedReadings())
        + " readings applied, " + runtime.metrics().deadLetterCount() + " dead letters";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder out = new StringBuilder(String.valueOf(t.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && !out.toString().contains(t.getMessage())) {
        out.append(": ").append(t.getMessage());
      }
    }
    return out.toString();
  }
}
