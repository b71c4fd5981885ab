package io.twinworks.runtime.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Seed payloads through the embedded broker, the local default. */
class EmbeddedBrokerSeedPayloadsIT extends SeedPayloadsContract {

  @RegisterExtension
  static final LocalRuntime RUNTIME = new LocalRuntime();

  @Override
  RuntimeProcess runtime() {
    return RUNTIME.runtime();
  }

  @Override
  int mqttPort() {
    return RUNTIME.mqttPort();
  }
}
