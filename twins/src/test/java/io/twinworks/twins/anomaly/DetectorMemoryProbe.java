package io.twinworks.twins.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Not a test (nothing is asserted, and it wants a JVM of its own): what the default detector set of one
 * signal costs. Creates {@code signals} detector sets with reference.conf's defaults, feeds each
 * {@code readings} five-minute readings of a daily sine with noise, forces GC and divides the used-heap
 * delta by the number of sets; then prints the size of one set's {@code state()} as JSON and as CBOR (what
 * snapshots are stored as), and the time per reading while feeding and on one warm set (the loop's sine
 * and Gaussian noise included). From the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl twins test-compile
 * mvn -B -o -q -pl twins dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx4g -cp twins/target/classes:twins/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.twinworks.twins.anomaly.DetectorMemoryProbe [signals, 10000] [readings, 5000]
 * </pre>
 */
public final class DetectorMemoryProbe {

  private static final long FIVE_MINUTES_MICROS = 300_000_000L;
  private static final int TIMED_READINGS = 2_000_000;

  private DetectorMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    int signals = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int readings = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    List<DetectorSpec> specs = DetectorRules.reference().specsFor("sensor", "value", Map.of());
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    long before = usedAfterGc(memory);
    SignalDetectors[] sets = new SignalDetectors[signals];
    long started = System.nanoTime();
    for (int s = 0; s < signals; s++) {
      sets[s] = new SignalDetectors("value", specs);
      feed(sets[s], new Random(s), 0, readings);
    }
    double feedNanos = (System.nanoTime() - started) / ((double) signals * readings);
    long after = usedAfterGc(memory);
    double perSignal = (after - before) / (double) signals;
    Reference.reachabilityFence(sets);

    SignalDetectors.State state = sets[0].state();
    int json = new ObjectMapper().writeValueAsBytes(state).length;
    int cbor = new CBORMapper().writeValueAsBytes(state).length;
    double steadyNanos = timeSteadyState(sets[0], readings);

    System.out.printf(Locale.ROOT, "default detector set (%s)%n", specs.stream().map(DetectorSpec::kind).toList());
    System.out.printf(Locale.ROOT, "%,d signals x %,d readings: heap %,.0f bytes per signal (used %,d -> %,d)%n",
        signals, readings, perSignal, before, after);
    System.out.printf(Locale.ROOT, "state of one signal: %,d bytes JSON, %,d bytes CBOR%n", json, cbor);
    System.out.printf(Locale.ROOT, "time per reading: %.2f us while feeding the sets, %.2f us on one warm set%n",
        feedNanos / 1_000, steadyNanos / 1_000);
  }

  /** A daily sine of amplitude 10 around 50, one reading every five minutes, with unit Gaussian noise. */
  private static void feed(SignalDetectors set, Random noise, int from, int to) {
    for (int i = from; i < to; i++) {
      set.update(i * FIVE_MINUTES_MICROS, 50 + 10 * Math.sin(2 * Math.PI * i / 288) + noise.nextGaussian());
    }
  }

  private static double timeSteadyState(SignalDetectors set, int fedSoFar) {
    Random noise = new Random(-1);
    feed(set, noise, fedSoFar, fedSoFar + TIMED_READINGS / 4); // JIT warm-up
    int from = fedSoFar + TIMED_READINGS / 4;
    long started = System.nanoTime();
    feed(set, noise, from, from + TIMED_READINGS);
    return (System.nanoTime() - started) / (double) TIMED_READINGS;
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
