package io.twinworks.runtime.it;

import io.twinworks.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Seed payloads through an external, real Mosquitto chosen with {@code twinworks.mqtt.url}. */
class ExternalMosquittoSeedPayloadsIT extends SeedPayloadsContract {

  @TempDir
  static Path dataDir;

  private static MosquittoBroker mosquitto;
  private static RuntimeProcess runtime;

  @BeforeAll
  static void start() throws Exception {
    mosquitto = MosquittoBroker.start();
    runtime = RuntimeProcess.start(dataDir, RuntimeProcess.Ports.free(),
        Map.of("twinworks.mqtt.url", mosquitto.url()));
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

  @Override
  RuntimeProcess runtime() {
    return runtime;
  }

  @Override
  int mqttPort() {
    return mosquitto.port();
  }
}
