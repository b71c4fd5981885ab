package io.twinworks.runtime.bench.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench heap} at a small scale: it creates every twin through the ingestion stage, sees them all registered
 * and watched, sees them all passivate, and reports a heap per active twin above the idle one, both above zero.
 */
class HeapBenchIT {

  private static final int TWINS = 200;

  @Test
  void measuresActiveAndIdleTwins(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("bench.conf"), "twinworks.twins.idle-timeout = 2s\n");
    Path json = dir.resolve("heap.json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    // Two readings each: the first is analysed whatever the reorder grace period, so the detectors exist.
    HeapReport report = new HeapBench(new HeapBench.Settings(TWINS, 2, false, Optional.of(config)),
        new PrintStream(printed, true, StandardCharsets.UTF_8)).run(Optional.of(json));

    int everyTwin = TWINS + HeapBench.WARM_UP_TWINS;
    assertEquals(everyTwin, report.active().registered());
    assertEquals(everyTwin, report.active().watched());
    assertEquals(everyTwin, report.idle().registered());
    assertEquals(everyTwin, report.idle().watched());
    assertEquals(0, report.idle().liveEntities());
    assertTrue(report.active().liveEntities() > 0, "twins running after creation: " + report.active().liveEntities());
    assertTrue(report.idle().bytesPerTwin() > 0, "idle bytes/twin " + report.idle().bytesPerTwin());
    assertTrue(report.active().bytesPerTwin() > report.idle().bytesPerTwin(),
        "active " + report.active().bytesPerTwin() + " vs idle " + report.idle().bytesPerTwin());

    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("(a) active: ") && output.contains("(b) idle, registered"), output);
    JsonNode written = new ObjectMapper().readTree(json.toFile());
    assertEquals(TWINS, written.get("twins").asInt());
    assertEquals(report.idle().bytesPerTwin(), written.get("idle").get("bytesPerTwin").asDouble(), 1e-6);
  }
}
