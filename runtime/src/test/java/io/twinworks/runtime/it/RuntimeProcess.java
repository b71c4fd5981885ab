package io.twinworks.runtime.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Twinworks runtime in its own JVM, started with {@code Main run} on free ports and a data dir of
 * the test's choosing, so a test can {@code kill -9} it. Its output goes to a log file in the data dir.
 */
final class RuntimeProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final String host;
  private final int httpPort;
  private final int managementPort;
  private final Path log;

  private RuntimeProcess(Process process, String host, int httpPort, int managementPort, Path log) {
    this.process = process;
    this.host = host;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
    this.log = log;
  }

  /**
   * Where the JVM runs: {@code commandPrefix} goes before {@code java} (e.g. {@code ip netns exec ns}), and its HTTP
   * and management ports are called at {@code host}.
   */
  record Placement(List<String> commandPrefix, String host) {
    static final Placement LOCAL = new Placement(List.of(), "127.0.0.1");
  }

  /** Ports a runtime uses; keep them to restart on the same ones. */
  record Ports(int http, int management, int mqtt) {
    static Ports free() {
      return new Ports(FreePorts.find(), FreePorts.find(), FreePorts.find());
    }
  }

  static RuntimeProcess start(Path dataDir, Ports ports, Map<String, String> settings) throws IOException {
    return start(dataDir, ports, settings, List.of(), Duration.ofSeconds(90), Placement.LOCAL);
  }

  /** With a longer wait for {@code ready} (a node joining a cluster on a busy machine), placed as asked. */
  static RuntimeProcess start(Path dataDir, Ports ports, Map<String, String> settings, Duration readyWithin,
      Placement placement) throws IOException {
    return start(dataDir, ports, settings, List.of(), readyWithin, placement);
  }

  /** With {@code run --config configFile}: for settings that system properties cannot carry (lists of objects). */
  static RuntimeProcess start(Path dataDir, Ports ports, Map<String, String> settings, Path configFile)
      throws IOException {
    return start(dataDir, ports, settings, List.of("--config", configFile.toString()), Duration.ofSeconds(90),
        Placement.LOCAL);
  }

  private static RuntimeProcess start(Path dataDir, Ports ports, Map<String, String> settings, List<String> runArgs,
      Duration readyWithin, Placement placement) throws IOException {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("twinworks.data-dir", dataDir.toString());
    props.put("twinworks.http.port", String.valueOf(ports.http()));
    props.put("twinworks.management.port", String.valueOf(ports.management()));
    props.put("twinworks.mqtt.embedded-broker.port", String.valueOf(ports.mqtt()));
    props.putAll(settings);
    List<String> command = new ArrayList<>(placement.commandPrefix());
    command.addAll(javaCommand());
    props.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("io.twinworks.runtime.Main", "run"));
    command.addAll(runArgs);
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve("runtime-" + System.nanoTime() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    RuntimeProcess runtime = new RuntimeProcess(process, placement.host(), ports.http(), ports.management(), log);
    runtime.awaitReady(readyWithin);
    return runtime;
  }

  private void awaitReady(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("runtime exited with " + process.exitValue() + ":\n" + logText());
      }
      if (Files.readString(log).contains("twinworks: ready")) {
        return;
      }
      pause(100);
    }
    close();
    throw new IllegalStateException("runtime not ready within " + timeout + ":\n" + logText());
  }

  /** {@code java -Xmx.. -cp <this test's class path>}: the start of a command line for a child JVM. */
  static List<String> javaCommand() {
    return new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path")));
  }

  int httpPort() {
    return httpPort;
  }

  /** GET a path; answers the status and the parsed JSON body (null when not JSON). */
  Answer get(String path) throws IOException, InterruptedException {
    return get(host, httpPort, path);
  }

  /** GET a path on the Pekko Management port ({@code /alive}, {@code /ready}). */
  Answer managementGet(String path) throws IOException, InterruptedException {
    return get(host, managementPort, path);
  }

  /** PUT a JSON body to a path. */
  Answer put(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort + path))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static Answer get(String host, int port, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)));
  }

  private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = null;
    if (response.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
      body = JSON.readTree(response.body());
    }
    return new Answer(response.statusCode(), body, response.body());
  }

  record Answer(int status, JsonNode json, String text) {}

  /** SIGKILL: nothing gets to run, as on a crash or power loss of the process. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait: the coordinated shutdown runs. Answers the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code timeout} for the process to end by itself; answers its exit code, or empty if it still runs. */
  java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
  }

  /**
   * SIGTERM and wait at most {@code timeout}: answers the exit code, or empty when the process had not
   * exited by then (it is then killed with SIGKILL).
   */
  java.util.OptionalInt terminateWithin(Duration timeout) throws InterruptedException {
    process.destroy();
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return java.util.OptionalInt.of(process.exitValue());
    }
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    return java.util.OptionalInt.empty();
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * What a person needs when this process does not do what a test waits for, short enough for an assertion message:
   * a thread dump is taken (SIGQUIT; the JVM writes it to the log), then the log's last {@code lines} timestamped
   * lines and, for each thread in our code, Pekko's coordinated shutdown or {@code main}, its name and top frames.
   */
  String diagnosis(int lines) throws InterruptedException {
    if (process.isAlive()) {
      signalQuit();
      // The dump ends with the JVM's count of JNI references; give it up to 5 s to be written.
      for (long deadline = System.nanoTime() + 5_000_000_000L;
          !logText().contains("JNI global refs") && System.nanoTime() < deadline;) {
        Thread.sleep(100);
      }
    }
    List<String> all = logText().lines().toList();
    List<String> stamped = all.stream().filter(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))
        .map(l -> l.length() > 240 ? l.substring(0, 240) + "…" : l).toList();
    StringBuilder out = new StringBuilder("\n--- log of " + log + " (last " + lines + " lines) ---\n");
    stamped.subList(Math.max(0, stamped.size() - lines), stamped.size()).forEach(l -> out.append(l).append('\n'));
    out.append("--- threads of interest ---\n");
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).startsWith("\"")) {
        continue;
      }
      List<String> frames = new ArrayList<>();
      for (int j = i + 1; j < all.size() && !all.get(j).isBlank(); j++) {
        frames.add(all.get(j).trim());
      }
      boolean interesting = all.get(i).startsWith("\"main\"")
          || frames.stream().anyMatch(f -> f.contains("io.twinworks") || f.contains("CoordinatedShutdown"));
      if (interesting) {
        out.append(all.get(i), 0, Math.min(120, all.get(i).length())).append('\n');
        frames.stream().limit(8).forEach(f -> out.append("    ").append(f).append('\n'));
      }
    }
    return out.toString();
  }

  private void signalQuit() throws InterruptedException {
    List<String> command = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("sudo", "-n"));
    }
    command.addAll(List.of("kill", "-QUIT", String.valueOf(process.pid())));
    try {
      new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      System.err.println("RuntimeProcess: no thread dump: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
