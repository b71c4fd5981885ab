package io.twinworks.connectors.modbus;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The Modbus TCP devices of {@code twinworks.connectors.modbus.devices}, each entry's missing keys taken from
 * {@code device-defaults} and each register's from {@code register-defaults}.
 */
public record ModbusSettings(List<ModbusDevice> devices) {

  public static final String PATH = "twinworks.connectors.modbus";

  public ModbusSettings {
    devices = List.copyOf(devices);
  }

  /**
   * Reads and validates the devices, failing with a {@link ConfigException} naming the key and the device.
   *
   * @param config the application's root config, or its {@code twinworks.connectors.modbus} section
   */
  public static ModbusSettings create(Config config) {
    Config section = (config.hasPath(PATH) ? config.getConfig(PATH) : config)
        .withFallback(ConfigFactory.defaultReference().getConfig(PATH));
    ModbusDeviceParser parser = new ModbusDeviceParser(section(section, "device-defaults"), PATH + ".device-defaults",
        section(section, "register-defaults"), PATH + ".register-defaults");
    List<? extends ConfigObject> entries = read(section, "devices", Config::getObjectList);
    List<ModbusDevice> devices = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      ModbusDevice device = parser.parse(entries.get(i), PATH + ".devices[" + i + "]");
      Integer earlier = names.putIfAbsent(device.name(), i);
      if (earlier != null) {
        throw new ConfigException.Generic(PATH + ".devices[" + i + "].name: '" + device.name()
            + "' is already the name of devices[" + earlier + "]; give each device its own name");
      }
      devices.add(device);
    }
    return new ModbusSettings(devices);
  }

  private static Config section(Config section, String key) {
    return read(section, key, Config::getConfig);
  }

  private static <T> T read(Config section, String key, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(section, key);
    } catch (ConfigException e) {
      throw new ConfigException.Generic(PATH + "." + key + ": " + e.getMessage());
    }
  }
}
