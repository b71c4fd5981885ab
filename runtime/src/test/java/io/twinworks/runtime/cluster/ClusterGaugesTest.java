package io.twinworks.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.runtime.http.ApiHarness;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.cluster.MemberStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} of a single-node cluster shows its member, and the shards and twins it hosts. */
class ClusterGaugesTest {

  private static final ApiHarness api = new ApiHarness("ClusterGaugesTest");
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void metricsShowTheMembersByStatusAndTheTwinsAndShardsHostedHere() {
    ClusterGauges.register(api.testKit().system(), api.metrics(), Duration.ofMillis(100));
    api.record(TwinId.of("gauges:s1"), TwinKind.SENSOR, T0, Map.of("temperature", 20.0));
    api.record(TwinId.of("gauges:s2"), TwinKind.SENSOR, T0, Map.of("temperature", 21.0));
    api.record(TwinId.of("gauges:m1"), TwinKind.MACHINE, T0, Map.of("spindle", 1.0));

    List<String> samples = awaitSample("twinworks_cluster_twins 3.0");

    assertTrue(samples.contains("twinworks_cluster_members{status=\"up\"} 1.0"), samples.toString());
    assertTrue(samples.contains("twinworks_cluster_members{status=\"leaving\"} 0.0"), samples.toString());
    assertEquals(ClusterGauges.STATUSES.size(), samples.stream()
        .filter(line -> line.startsWith("twinworks_cluster_members{")).count(), "one series per status");
    assertTrue(samples.contains("twinworks_cluster_unreachable_members 0.0"), samples.toString());
    // Three twins of two kinds: at least one shard per kind, at most one per twin.
    double shards = value(samples, "twinworks_cluster_shards");
    assertTrue(shards >= 2 && shards <= 3, "shards: " + shards);
  }

  @Test
  void memberStatusesAreNamedAsLabelValues() {
    assertEquals("up", ClusterGauges.name(MemberStatus.up()));
    assertEquals("weakly_up", ClusterGauges.name(MemberStatus.weaklyUp()));
  }

  private static List<String> awaitSample(String sample) {
    long deadline = System.nanoTime() + ApiHarness.TIMEOUT.toNanos();
    List<String> samples = scrape();
    while (!samples.contains(sample) && System.nanoTime() < deadline) {
      sleep();
      samples = scrape();
    }
    assertTrue(samples.contains(sample), samples.toString());
    return samples;
  }

  private static List<String> scrape() {
    HttpResponse<String> response = api.get("/metrics");
    assertEquals(200, response.statusCode());
    return response.body().lines().filter(line -> !line.startsWith("#")).toList();
  }

  private static double value(List<String> samples, String name) {
    return samples.stream().filter(line -> line.startsWith(name + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(name.length() + 1))).orElseThrow();
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
