package io.twinworks.runtime.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A runtime in its own JVM with the local defaults (embedded broker and store) on free ports, for one test class:
 * {@code @RegisterExtension static final LocalRuntime RUNTIME = new LocalRuntime();}. Stopped, and its data dir
 * removed, after the class.
 */
final class LocalRuntime implements BeforeAllCallback, AfterAllCallback {

  private Path dataDir;
  private RuntimeProcess.Ports ports;
  private RuntimeProcess runtime;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("twinworks-it-");
    ports = RuntimeProcess.Ports.free();
    runtime = RuntimeProcess.start(dataDir, ports, Map.of());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (dataDir == null) {
      return; // beforeAll failed before making it
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  RuntimeProcess runtime() {
    return runtime;
  }

  /** The embedded broker's MQTT port. */
  int mqttPort() {
    return ports.mqtt();
  }
}
