package io.twinworks.runtime.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Seed payloads through the embedded broker, the local default. */
class EmbeddedBrokerSeedPayloadsIT extends SeedPayloadsContract {

  @TempDir
  static Path dataDir;

  private static RuntimeProcess.Ports ports;
  private static RuntimeProcess runtime;

  @BeforeAll
  static void start() throws Exception {
    ports = RuntimeProcess.Ports.free();
    runtime = RuntimeProcess.start(dataDir, ports, Map.of());
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Override
  RuntimeProcess runtime() {
    return runtime;
  }

  @Override
  int mqttPort() {
    return ports.mqtt();
  }
}
