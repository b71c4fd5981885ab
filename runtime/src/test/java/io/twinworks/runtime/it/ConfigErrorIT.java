package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a person meets it: a wrong setting stops {@code run} with exit code 2 and a
 * message naming the key, before anything is started; {@code help} lists the commands.
 */
class ConfigErrorIT {

  private static final int CONFIG_ERROR = 2;

  @TempDir
  Path dataDir;

  @Test
  void portOutOfRangeNamesTheKey() throws Exception {
    Result result = main(List.of("-Dtwinworks.http.port=70000"), "run");
    assertEquals(CONFIG_ERROR, result.exit(), result.toString());
    assertTrue(result.stderr().contains("twinworks: configuration error: twinworks.http.port"), result.toString());
    assertTrue(result.stderr().contains("70000"), result.toString());
  }

  @Test
  void unreadableDurationNamesTheKey() throws Exception {
    Result result = main(List.of("-Dtwinworks.ingest.batch-window=soon"), "run");
    assertEquals(CONFIG_ERROR, result.exit(), result.toString());
    assertTrue(result.stderr().contains("twinworks: configuration error: twinworks.ingest.batch-window"),
        result.toString());
  }

  @Test
  void missingConfigFileIsNamed() throws Exception {
    Result result = main(List.of(), "run", "--config", "/nonexistent.conf");
    assertEquals(CONFIG_ERROR, result.exit(), result.toString());
    assertTrue(result.stderr().contains("twinworks: configuration error: --config"), result.toString());
    assertTrue(result.stderr().contains("/nonexistent.conf"), result.toString());
  }

  @Test
  void aNetworkBindWithoutSecurityIsRefusedSayingHowToMakeTokens() throws Exception {
    Result result = main(List.of("-Dtwinworks.http.host=0.0.0.0"), "run");
    assertEquals(CONFIG_ERROR, result.exit(), result.toString());
    assertTrue(result.stderr().contains("twinworks: configuration error: twinworks.http.host"), result.toString());
    assertTrue(result.stderr().contains("bin/twinworks token new"), result.toString());
  }

  @Test
  void tokenNewPrintsATokenAndItsConfigEntry() throws Exception {
    Result result = main(List.of(), "token", "new", "--tenant", "acme");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.stdout().lines().anyMatch(l -> l.startsWith("token:  tw_")), result.toString());
    assertTrue(result.stdout().contains("tenant = \"acme\""), result.toString());
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Result result = main(List.of(), "help");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.stdout().lines().anyMatch(l -> l.trim().startsWith("run ")), result.toString());
    assertTrue(result.stdout().lines().anyMatch(l -> l.trim().startsWith("demo ")), result.toString());
  }

  private record Result(int exit, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
  }

  /** {@code Main args} in a child JVM on free ports and a temp data dir; it must exit within 30 s. */
  private Result main(List<String> properties, String... args) throws IOException, InterruptedException {
    List<String> command = RuntimeProcess.javaCommand();
    command.add("-Dtwinworks.data-dir=" + dataDir);
    command.add("-Dtwinworks.http.port=" + FreePorts.find());
    command.add("-Dtwinworks.management.port=" + FreePorts.find());
    command.add("-Dtwinworks.mqtt.embedded-broker.port=" + FreePorts.find());
    command.addAll(properties); // later -D of the same key wins
    command.add("io.twinworks.runtime.Main");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dataDir, "stdout", ".txt");
    Path err = Files.createTempFile(dataDir, "stderr", ".txt");
    Process process = new ProcessBuilder(new ArrayList<>(command))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      boolean exited = process.waitFor(30, TimeUnit.SECONDS);
      Result result = new Result(exited ? process.exitValue() : -1, Files.readString(out), Files.readString(err));
      assertTrue(exited, "did not exit within 30 s: " + result);
      return result;
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
