package io.twinworks.persistence;

import static io.twinworks.persistence.TestStores.await;
import static io.twinworks.persistence.TestStores.embeddedConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.DeadLetter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second JVM on the same data dir: killed with SIGKILL, or holding the file lock. */
class H2CrashDurabilityTest {

  @TempDir Path dir;
  private final ExecutorService blocking = Executors.newFixedThreadPool(2);
  private Process child;

  @AfterEach
  void stop() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    blocking.shutdownNow();
  }

  @Test
  void everyCommittedWriteSurvivesKillMinus9() throws Exception {
    child = start("write", dir.toString());
    int lastCommitted = 0;
    try (BufferedReader out = reader(child)) {
      String line;
      while ((line = out.readLine()) != null && lastCommitted < 300) {
        if (line.startsWith("committed ")) {
          lastCommitted = Integer.parseInt(line.substring("committed ".length()));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(300, lastCommitted, "the writer died early");

    try (EmbeddedStore store = EmbeddedStore.open(embeddedConfig(dir), blocking)) {
      long count = await(store.deadLetters().count());
      assertTrue(count >= lastCommitted, "only " + count + " of " + lastCommitted + " committed writes survived");
      List<String> reasons = await(store.deadLetters().recent(1000)).stream().map(DeadLetter::reason).toList();
      assertTrue(reasons.contains("n-" + lastCommitted), "the last acknowledged write is lost");
    }
  }

  @Test
  void aSecondProcessGetsAClearMessage() throws Exception {
    child = start("hold", dir.toString());
    try (BufferedReader out = reader(child)) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        // wait for the child to hold the database
      }
      StoreException e = assertThrows(StoreException.class, () -> EmbeddedStore.open(embeddedConfig(dir), blocking));
      assertTrue(e.getMessage().contains("is in use by another Twinworks process?"), e.getMessage());
    }
  }

  private static Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }
}
