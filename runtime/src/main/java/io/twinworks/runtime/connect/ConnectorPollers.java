package io.twinworks.runtime.connect;

import com.typesafe.config.Config;
import io.twinworks.connectors.modbus.ModbusDevice;
import io.twinworks.connectors.modbus.ModbusPoller;
import io.twinworks.connectors.modbus.ModbusSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The pollers configured for the central runtime ({@code twinworks.connectors.*}) or for an edge gateway (the
 * same keys under {@code twinworks.edge}, i.e. the gateway file's {@code modbus:} section): one per Modbus device.
 */
public final class ConnectorPollers {

  static final String EDGE_MODBUS = "twinworks.edge.modbus";

  private ConnectorPollers() {}

  /** The runtime's pollers, from {@code twinworks.connectors.modbus}. */
  public static List<PollerSpec> central(Config root) {
    return modbus(ModbusSettings.create(root));
  }

  /** An edge gateway's pollers, from its file's {@code modbus} section. */
  public static List<PollerSpec> edge(Config root) {
    return root.hasPath(EDGE_MODBUS) ? modbus(ModbusSettings.create(root.getConfig(EDGE_MODBUS))) : List.of();
  }

  private static List<PollerSpec> modbus(ModbusSettings settings) {
    List<PollerSpec> specs = new ArrayList<>();
    for (ModbusDevice device : settings.devices()) {
      specs.add(new PollerSpec(device.origin(), sink -> ModbusPoller.start(device, sink, Clock.systemUTC())));
    }
    return specs;
  }
}
