package io.twinworks.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway YAML file: its keys over the defaults, and errors that name the file, line or key. */
class GatewayFileTest {

  @TempDir
  Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("gateway.yaml"), yaml);
  }

  @Test
  void aMinimalFileGetsTheDefaults() throws Exception {
    EdgeSettings settings = EdgeSettings.fromConfig(GatewayFile.load(write("""
        gateway: plant1-gw
        mqtt:
          url: tcp://central.plant:1883
        """)));
    assertEquals("plant1-gw", settings.gateway());
    assertEquals("tcp://central.plant:1883", settings.mqtt().url());
    assertEquals("twinworks-edge-plant1-gw", settings.mqtt().clientId());
    assertEquals(Path.of("edge-data/buffer.db"), settings.bufferPath());
    assertEquals(256L * 1024 * 1024, settings.bufferMaxBytes());
    assertEquals(100, settings.window());
    assertEquals(Duration.ofSeconds(10), settings.ackTimeout());
    assertEquals(9464, settings.metricsPort());
  }

  @Test
  void theFileOverridesWhatItNames() throws Exception {
    EdgeSettings settings = EdgeSettings.fromConfig(GatewayFile.load(write("""
        gateway: gw2
        mqtt: {url: "tcp://10.0.0.5:1883", client-id: edge-two, username: plant, password: secret, max-backoff: 5s}
        buffer: {path: /var/lib/twinworks/edge.db, max-bytes: 1MiB}
        forward: {window: 10, ack-timeout: 3s}
        metrics-port: -1
        status-interval: 30s
        """)));
    assertEquals("edge-two", settings.mqtt().clientId());
    assertEquals("plant", settings.mqtt().username());
    assertEquals(Duration.ofSeconds(5), settings.mqtt().maxBackoff());
    assertEquals(1024 * 1024, settings.bufferMaxBytes());
    assertEquals(10, settings.window());
    assertEquals(-1, settings.metricsPort());
    assertEquals(Duration.ofSeconds(30), settings.statusInterval());
  }

  @Test
  void errorsNameTheKeyOrTheLine() throws Exception {
    ConfigException noGateway = assertThrows(ConfigException.class,
        () -> EdgeSettings.fromConfig(GatewayFile.load(write("mqtt: {url: tcp://h:1883}\n"))));
    assertTrue(noGateway.getMessage().contains("twinworks.edge.gateway"), noGateway.getMessage());
    ConfigException noUrl = assertThrows(ConfigException.class,
        () -> EdgeSettings.fromConfig(GatewayFile.load(write("gateway: g\n"))));
    assertTrue(noUrl.getMessage().contains("twinworks.edge.mqtt.url"), noUrl.getMessage());
    ConfigException window = assertThrows(ConfigException.class, () -> EdgeSettings.fromConfig(GatewayFile.load(
        write("gateway: g\nmqtt: {url: tcp://h:1883}\nforward: {window: 0}\n"))));
    assertTrue(window.getMessage().contains("twinworks.edge.forward.window"), window.getMessage());
    IllegalArgumentException yaml = assertThrows(IllegalArgumentException.class,
        () -> GatewayFile.load(write("gateway: g\nmqtt: [unclosed\n")));
    assertTrue(yaml.getMessage().contains("not valid YAML") && yaml.getMessage().contains("line"), yaml.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> GatewayFile.load(dir.resolve("nope.yaml")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
  }
}
