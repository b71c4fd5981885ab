package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.runtime.bench.Bench;
import io.twinworks.runtime.bench.BenchSettings;
import io.twinworks.runtime.bench.FindMaxSettings;
import io.twinworks.runtime.bench.LoadLength;
import io.twinworks.runtime.bench.LoadMix;
import io.twinworks.runtime.bench.ProbeLatency;
import io.twinworks.runtime.bench.RunResult;
import io.twinworks.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/twinworks bench} against a runtime in its own JVM on a real Mosquitto: a mix of sensors, machines and
 * packs at QoS 1 and at QoS 0, and a two-step find-max; every reading accounted for and the latencies measured.
 */
class BenchIT {

  /** 6 sensors, 3 machines, 1 pack: a round is 6 + 3 × 5 + 48 = 69 readings in 57 publishes. */
  private static final int TWINS = 10;
  private static final LoadMix MIX = new LoadMix(60, 30, 10);

  @TempDir
  static Path dir;

  private static MosquittoBroker mosquitto;
  private static RuntimeProcess runtime;
  private static String httpUrl;

  @BeforeAll
  static void start() throws Exception {
    mosquitto = MosquittoBroker.start();
    RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
    runtime = RuntimeProcess.start(dir.resolve("runtime"), ports, Map.of("twinworks.mqtt.url", mosquitto.url()));
    httpUrl = "http://127.0.0.1:" + ports.http();
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void aMixAtQos1AppliesEveryReadingPublished() throws Exception {
    Path json = dir.resolve("qos1.json");
    // After a 2 s warm-up whose readings must not be counted in either run (applied == published below).
    BenchSettings settings = settings(1, 1_000, LoadLength.of(Duration.ofSeconds(4)), null, Duration.ofSeconds(2));
    Bench.Report report = Bench.run(settings, json, line -> System.out.println("bench: " + line));

    assertTrue(report.complete(), "nothing lost");
    assertEquals(2, report.runs().size());
    for (RunResult run : report.runs()) {
      assertTrue(run.published() > 2_000, run.toString()); // about 4 s × 1,000/s
      assertEquals(run.published(), run.acknowledged(), run.toString());
      assertEquals(run.published(), run.applied(), run.toString());
      assertEquals(0, run.duplicates(), run.toString());
    }
    RunResult twinworks = report.runs().get(1);
    assertMeasured(twinworks.stateLatency(), "state");
    assertMeasured(twinworks.alertLatency(), "alert");
    // the alert's time split at the runtime's receive stamp: every alert in both parts
    ProbeLatency.Stages stages = twinworks.alertLatency().stages();
    assertEquals(twinworks.alertLatency().millis().count(), stages.untilReceived().count(), stages.toString());
    assertEquals(twinworks.alertLatency().millis().count(), stages.afterReceived().count(), stages.toString());
    assertTrue(stages.untilReceived().max() <= twinworks.alertLatency().millis().max() + 1, stages.toString());
    assertTrue(report.ratio() > 0, report.toString());
    // every kind of the mix reached its twins
    for (String twin : new String[] {"default:BENCH-S0001", "default:bench:m0001", "acme:p1:r1:bench-pk0001"}) {
      JsonNode counts = runtime.get("/api/v1/twins/" + twin).json().get("counts");
      assertTrue(counts.get("readings").asLong() + counts.get("late").asLong() > 0, twin + ": " + counts);
    }
    JsonNode written = new ObjectMapper().readTree(json.toFile());
    assertEquals(twinworks.applied(), written.at("/runs/1/applied").asLong(), written.toString());
    assertTrue(written.at("/runs/1/stateLatency/millis/p99").isNumber(), written.toString());
  }

  @Test
  void aMixAtQos0IsAccountedForAndTimed() throws Exception {
    Bench.Report report = Bench.run(settings(0, 1_000, LoadLength.of(Duration.ofSeconds(3)), null), null,
        line -> System.out.println("bench qos 0: " + line));

    for (RunResult run : report.runs()) {
      assertNull(run.acknowledged(), "QoS 0 has no PUBACK: " + run);
      assertTrue(run.published() > 1_500, run.toString());
      assertTrue(run.applied() <= run.published(), run.toString());
      assertEquals(run.published() - run.applied(), run.lost(), run.toString());
    }
    assertMeasured(report.runs().get(1).stateLatency(), "state");
  }

  @Test
  void aTwoStepFindMaxReportsEveryStepAndItsKnee() throws Exception {
    FindMaxSettings twoSteps = new FindMaxSettings(500, 2, Duration.ofSeconds(4), Duration.ofSeconds(10), 2);
    Path json = dir.resolve("find-max.json");
    Bench.Report report = Bench.run(settings(1, 0, null, twoSteps), json,
        line -> System.out.println("bench find-max: " + line));

    assertEquals(1, report.runs().size(), "the bare broker's reference");
    assertEquals(2, report.findMax().steps().size(), report.findMax().toString());
    assertEquals(500, report.findMax().steps().get(0).run().offeredPerSecond());
    assertEquals(1_000, report.findMax().steps().get(1).run().offeredPerSecond()); // 500 × 2
    for (var step : report.findMax().steps()) {
      RunResult run = step.run();
      assertNull(step.broken(), run.toString());
      assertEquals(run.published(), run.applied(), run.toString());
      assertMeasured(run.stateLatency(), run.name() + " state");
    }
    assertEquals(2, report.findMax().kneeStep());
    assertEquals("no bound broke within --max-steps 2", report.findMax().stoppedBecause());
    JsonNode written = new ObjectMapper().readTree(json.toFile());
    assertEquals(2, written.at("/findMax/steps").size(), written.toString());
    assertEquals(2, written.at("/findMax/kneeStep").asInt(), written.toString());
  }

  private static BenchSettings settings(int qos, double rate, LoadLength length, FindMaxSettings findMax) {
    return settings(qos, rate, length, findMax, Duration.ZERO);
  }

  private static BenchSettings settings(int qos, double rate, LoadLength length, FindMaxSettings findMax,
      Duration warmup) {
    return new BenchSettings(mosquitto.url(), httpUrl, TWINS, MIX, qos, 200, rate, length, 10,
        Duration.ofSeconds(30), Duration.ofMinutes(2), warmup, findMax);
  }

  private static void assertMeasured(ProbeLatency latency, String what) {
    assertTrue(latency.sent() > 0, what + " probes sent: " + latency);
    assertEquals(0, latency.unseen(), what + " probes all seen: " + latency);
    assertTrue(latency.millis().p99() > 0, what + " p99: " + latency);
  }
}
