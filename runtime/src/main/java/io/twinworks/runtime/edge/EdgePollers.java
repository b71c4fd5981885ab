package io.twinworks.runtime.edge;

import com.typesafe.config.Config;
import io.twinworks.runtime.connect.PollerSpec;
import java.util.ArrayList;
import java.util.List;

/** The pollers a gateway file configures: its {@code modbus.devices} and {@code opcua.endpoints}. */
public final class EdgePollers {

  private EdgePollers() {}

  public static List<PollerSpec> fromConfig(Config root) {
    List<PollerSpec> specs = new ArrayList<>();
    return specs;
  }
}
