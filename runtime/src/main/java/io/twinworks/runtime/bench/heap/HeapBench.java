package io.twinworks.runtime.bench.heap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.persistence.TwinworksStore;
import io.twinworks.persistence.TwinworksStores;
import io.twinworks.runtime.TwinMachinery;
import io.twinworks.runtime.alert.AlertHub;
import io.twinworks.runtime.alert.AlertHubSettings;
import io.twinworks.runtime.alert.AppendSignal;
import io.twinworks.runtime.bench.ReportFile;
import io.twinworks.runtime.config.ConfigLoader;
import io.twinworks.runtime.config.RuntimeSettings;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import io.twinworks.twins.SensorTwin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * {@code bench heap}: the heap a sensor twin costs, measured in this process on the runtime's own twin machinery
 * ({@link TwinMachinery}: sharded twins, directory, heartbeat watch, the ingestion stage's batch processor) over
 * the embedded H2 store in a temporary data directory, which is deleted afterwards.
 *
 * <ol>
 *   <li>Start, feed {@value #WARM_UP_TWINS} warm-up twins, wait until they passivate, measure the baseline.
 *   <li>Feed N twins their readings; measure with them active.
 *   <li>Wait until every twin has passivated; measure again: what stays per idle, registered twin.
 * </ol>
 *
 * <p>If some twins passivated before the active measurement (creating them took longer than the idle timeout),
 * the active figure is estimated from both measurements: {@code active = idle + (heap_a - heap_b) / live_a}.
 * The heartbeat timeout is set to a day, so no twin turns communication-loss (and wakes up) while measured.
 */
public final class HeapBench {

  static final int WARM_UP_TWINS = 200;
  private static final String PREFIX = "HEAP";
  private static final String WARM_UP_PREFIX = "HEAPWARM";
  private static final int TOP_CLASSES = 15;
  private static final Duration POLL = Duration.ofSeconds(1);

  /**
   * @param twins how many sensor twins to create
   * @param readingsPerTwin readings each, {@link SensorLoad#READING_STEP} of source time apart; a twin builds its
   *     detectors with the first reading it analyses (the first one, or with a reorder grace period the second)
   * @param activeOnly stop after measuring the active twins
   */
  public record Settings(int twins, int readingsPerTwin, boolean activeOnly, Optional<Path> configFile) {
    public Settings {
      if (twins < 1) {
        throw new IllegalArgumentException("--twins must be at least 1, was " + twins);
      }
      if (readingsPerTwin < 1) {
        throw new IllegalArgumentException("--readings-per-twin must be at least 1, was " + readingsPerTwin);
      }
    }
  }

  private final Settings settings;
  private final PrintStream out;

  public HeapBench(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /** Runs the measurement and prints it as it goes; writes {@code json} when given. */
  public HeapReport run(Optional<Path> json) throws Exception {
    Path dataDir = Files.createTempDirectory("twinworks-heap-");
    try {
      HeapReport report = measure(dataDir);
      print(report);
      if (json.isPresent()) {
        ReportFile.write(json.get(), report);
        System.out.println("bench heap: results written to " + json.get());
      }
      return report;
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private HeapReport measure(Path dataDir) throws Exception {
    Config config = ConfigLoader.load(settings.configFile(), overrides(dataDir));
    RuntimeSettings runtimeSettings = RuntimeSettings.create(config);
    Duration idleTimeout = config.getDuration("twinworks.twins.idle-timeout");
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "twinworks-heap", config);
    TwinworksStore store = null;
    try {
      joinSelf(system);
      store = TwinworksStores.open(config,
          system.dispatchers().lookup(DispatcherSelector.fromConfig("twinworks.blocking-dispatcher")));
      TwinMachinery machinery = TwinMachinery.start(system, config, runtimeSettings, store,
          AlertHub.start(system, store.alerts(), new AppendSignal(),
              AlertHubSettings.fromConfig(config)), new TwinworksMetrics(), Clock.systemUTC());
      SensorLoad load = new SensorLoad(machinery.processor());

      step("warming up with %d twins, then waiting for them to passivate (idle timeout %s)", WARM_UP_TWINS,
          idleTimeout);
      load.feed(WARM_UP_PREFIX, WARM_UP_TWINS, settings.readingsPerTwin(), Instant.now().minusSeconds(10));
      awaitPassivated(system, idleTimeout);
      // The histogram first, so that the baseline holds it as every later measurement does.
      ClassHistogram before = ClassHistogram.take();
      long baseline = HeapAfterGc.measure();
      step("baseline heap after GC: %,d bytes", baseline);

      step("creating %,d sensor twins, %d reading(s) each", settings.twins(), settings.readingsPerTwin());
      long started = System.nanoTime();
      load.feed(PREFIX, settings.twins(), settings.readingsPerTwin(), Instant.now().minusSeconds(10));
      double createSeconds = (System.nanoTime() - started) / 1e9;
      machinery.directory().flush().toCompletableFuture().get(1, TimeUnit.MINUTES);
      step("created in %.1f s (%,.0f twins/s)", createSeconds, settings.twins() / createSeconds);

      Snapshot active = snapshot(system, machinery, before);
      Snapshot idle = null;
      if (!settings.activeOnly()) {
        step("waiting for the twins to passivate (idle timeout %s)", idleTimeout);
        awaitPassivated(system, idleTimeout);
        idle = snapshot(system, machinery, before);
      }
      return report(idleTimeout, createSeconds, baseline, active, idle);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (store != null) {
        store.close();
      }
    }
  }

  /**
   * One measurement, before its heap is divided by the twins. It keeps the classes' growth, not the histogram,
   * so that nothing of it is still live when the next one is taken.
   */
  private record Snapshot(int live, long heap, long registered, int watched, List<ClassHistogram.Growth> growth) {}

  private Snapshot snapshot(ActorSystem<?> system, TwinMachinery machinery, ClassHistogram before) throws Exception {
    int live = LiveEntities.count(system, SensorTwin.ENTITY_KEY);
    List<ClassHistogram.Growth> growth = ClassHistogram.take().largestGrowth(before, settings.twins(), TOP_CLASSES);
    long heap = HeapAfterGc.measure();
    step("heap after GC: %,d bytes with %,d twins running", heap, live);
    return new Snapshot(live, heap, machinery.directory().known(), machinery.heartbeats().watched(), growth);
  }

  private HeapReport report(Duration idleTimeout, double createSeconds, long baseline, Snapshot active,
      Snapshot idle) {
    int n = settings.twins();
    HeapReport.Phase idlePhase = idle == null ? null : phase(idle, (idle.heap() - baseline) / (double) n);
    double activeBytes = (active.heap() - baseline) / (double) n;
    if (idlePhase != null && active.live() > 0 && active.live() < n) {
      activeBytes = idlePhase.bytesPerTwin() + (active.heap() - idle.heap()) / (double) active.live();
    }
    return new HeapReport(Instant.now(), n, settings.readingsPerTwin(), idleTimeout,
        Runtime.getRuntime().maxMemory(), createSeconds, baseline, phase(active, activeBytes), idlePhase);
  }

  private static HeapReport.Phase phase(Snapshot s, double bytesPerTwin) {
    return new HeapReport.Phase(s.live(), s.heap(), bytesPerTwin, s.registered(), s.watched(), s.growth());
  }

  private void print(HeapReport report) {
    out.println();
    out.printf("%,d sensor twins, %d reading(s) each, max heap %,d MB%n", report.twins(), report.readingsPerTwin(),
        report.maxHeapBytes() >> 20);
    printPhase("(a) active", report.active());
    if (report.idle() != null) {
      printPhase("(b) idle, registered (all passivated)", report.idle());
    }
  }

  private void printPhase(String name, HeapReport.Phase phase) {
    out.printf("%s: %,.0f bytes/twin (heap %,d bytes; %,d twins running, %,d registered, %,d watched)%n", name,
        phase.bytesPerTwin(), phase.heapBytes(), phase.liveEntities(), phase.registered(), phase.watched());
    for (ClassHistogram.Growth growth : phase.largestClasses()) {
      out.printf("    %10.1f bytes %8.2f objects  %s%n", growth.bytesPerTwin(), growth.instancesPerTwin(),
          growth.className());
    }
  }

  private void awaitPassivated(ActorSystem<?> system, Duration idleTimeout) throws Exception {
    // Idle entities are looked for every half timeout, so all are gone within 1.5 timeouts; then some slack.
    long deadline = System.nanoTime() + idleTimeout.multipliedBy(2).plusSeconds(60).toNanos();
    int live;
    while ((live = LiveEntities.count(system, SensorTwin.ENTITY_KEY)) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(live + " twins were still running " + idleTimeout.multipliedBy(2)
            .plusSeconds(60) + " after the last reading (twinworks.twins.idle-timeout is " + idleTimeout + ")");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private void step(String format, Object... args) {
    out.println("bench heap: " + String.format(format, args));
  }

  /** The bench's own settings over the user's: its data directory, the embedded store, no heartbeat alerts. */
  private static Config overrides(Path dataDir) {
    return ConfigFactory.parseMap(Map.of(
        "twinworks.data-dir", dataDir.toString(),
        "twinworks.store.profile", "embedded",
        "twinworks.cluster.port", 0,
        "twinworks.heartbeat.default-timeout", "1d",
        "pekko.loglevel", "WARNING"));
  }

  private static void joinSelf(ActorSystem<?> system) throws InterruptedException {
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!cluster.selfMember().status().equals(MemberStatus.up())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the single-node cluster did not come up within 30 s");
      }
      Thread.sleep(50);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
