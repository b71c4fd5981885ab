package io.twinworks.runtime.connect;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.modbus.ModbusDevice;
import io.twinworks.connectors.modbus.ModbusPoller;
import io.twinworks.connectors.modbus.ModbusSettings;
import io.twinworks.connectors.opcua.ClientPki;
import io.twinworks.connectors.opcua.OpcUaEndpoint;
import io.twinworks.connectors.opcua.OpcUaEndpointConnector;
import io.twinworks.connectors.opcua.OpcUaSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pollers configured for the central runtime ({@code twinworks.connectors.*}) or for an edge gateway (the same
 * keys in its file's {@code modbus:} and {@code opcua:} sections): one per Modbus device and one per OPC UA
 * endpoint. Reading the settings validates them, so this runs before anything starts.
 */
public final class ConnectorPollers {

  static final String EDGE = "twinworks.edge";

  private ConnectorPollers() {}

  /** The runtime's pollers, from {@code twinworks.connectors.modbus} and {@code twinworks.connectors.opcua}. */
  public static List<PollerSpec> central(Config root) {
    List<PollerSpec> specs = new ArrayList<>(modbus(ModbusSettings.create(root)));
    specs.addAll(opcua(OpcUaSettings.create(root)));
    return specs;
  }

  /**
   * An edge gateway's pollers, from its file's {@code modbus} and {@code opcua} sections; the OPC UA client's
   * certificates live beside the buffer ({@code <buffer dir>/opcua/pki}).
   */
  public static List<PollerSpec> edge(Config root, Path bufferPath) {
    List<PollerSpec> specs = new ArrayList<>();
    if (root.hasPath(EDGE + ".modbus")) {
      specs.addAll(modbus(ModbusSettings.create(root.getConfig(EDGE + ".modbus"))));
    }
    if (root.hasPath(EDGE + ".opcua")) {
      Path dataDir = bufferPath.toAbsolutePath().getParent();
      specs.addAll(opcua(OpcUaSettings.create(root.getConfig(EDGE + ".opcua").atPath("twinworks.connectors.opcua")
          .withFallback(ConfigFactory.parseMap(Map.of("twinworks.data-dir", dataDir.toString()))))));
    }
    return specs;
  }

  private static List<PollerSpec> modbus(ModbusSettings settings) {
    List<PollerSpec> specs = new ArrayList<>();
    for (ModbusDevice device : settings.devices()) {
      specs.add(new PollerSpec(device.origin(), sink -> ModbusPoller.start(device, sink, Clock.systemUTC())));
    }
    return specs;
  }

  /** Endpoints start side by side; only one may create the certificate the others then read. */
  private static synchronized ClientPki openPki(Path dir) {
    return ClientPki.open(dir);
  }

  /** One spec per endpoint; each opens the PKI (creating the certificate once) for as long as it runs. */
  private static List<PollerSpec> opcua(OpcUaSettings settings) {
    List<PollerSpec> specs = new ArrayList<>();
    for (OpcUaEndpoint endpoint : settings.endpoints()) {
      specs.add(new PollerSpec("opcua:" + endpoint.name(), sink -> {
        ClientPki pki = openPki(settings.pkiDir());
        OpcUaEndpointConnector connector = OpcUaEndpointConnector.start(endpoint, pki, sink);
        return () -> {
          connector.close();
          pki.close();
        };
      }));
    }
    return specs;
  }
}
