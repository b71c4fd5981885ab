package io.twinworks.connectors.modbus;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one device's settings and register map from a {@link Config} entry, the shape the HOCON configuration and
 * the edge gateway's YAML share, and validates them. Keys an entry leaves out come from the defaults. Errors are
 * {@link ConfigException}s that name the full key and the device.
 */
public final class ModbusDeviceParser {

  static final Set<String> DEVICE_KEYS = Set.of("name", "host", "port", "unit-id", "poll-interval", "timeout",
      "retries", "min-backoff", "max-backoff", "twin", "kind", "max-gap", "registers");
  static final Set<String> REGISTER_KEYS = Set.of("name", "table", "address", "type", "count", "byte-order",
      "word-order", "scale", "offset");
  private static final String INDEX = "{i}";

  private final Config deviceDefaults;
  private final Config registerDefaults;
  private final String deviceDefaultsAt;
  private final String registerDefaultsAt;

  /**
   * @param deviceDefaultsAt the full key of {@code deviceDefaults}, for errors in values taken from there
   */
  public ModbusDeviceParser(Config deviceDefaults, String deviceDefaultsAt, Config registerDefaults,
      String registerDefaultsAt) {
    this.deviceDefaults = deviceDefaults;
    this.registerDefaults = registerDefaults;
    this.deviceDefaultsAt = deviceDefaultsAt;
    this.registerDefaultsAt = registerDefaultsAt;
  }

  /**
   * @param at the entry's full key for errors, e.g. {@code twinworks.connectors.modbus.devices[0]}
   */
  public ModbusDevice parse(ConfigObject entry, String at) {
    KeyReader unnamed = new KeyReader(entry, deviceDefaults, at, deviceDefaultsAt, "");
    unnamed.rejectUnknownKeys(DEVICE_KEYS);
    String name = unnamed.nonBlank("name");
    if (TwinId.problemWith("x:" + name) != null) {
      throw unnamed.invalid("name", "must be letters, digits, '.', '_' or '-', was '" + name + "'");
    }
    KeyReader read = unnamed.forDevice(name);
    TwinId twin = twin(read);
    Duration minBackoff = read.duration("min-backoff", false);
    Duration maxBackoff = read.duration("max-backoff", false);
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw read.invalid("max-backoff", "must not be less than min-backoff (" + minBackoff + "), was " + maxBackoff);
    }
    return new ModbusDevice(name, read.nonBlank("host"), read.intIn("port", 1, 65535), read.intIn("unit-id", 0, 255),
        read.duration("poll-interval", true), read.duration("timeout", false), read.intIn("retries", 0, 10),
        minBackoff, maxBackoff, twin, read.oneOf("kind", TwinKind.values(), TwinKind::find),
        read.intIn("max-gap", 0, 124), registers(read, entry, at, name));
  }

  private static TwinId twin(KeyReader read) {
    String twin = read.nonBlank("twin");
    String problem = TwinId.problemWith(twin);
    if (problem != null) {
      throw read.invalid("twin", problem);
    }
    return TwinId.of(twin);
  }

  private List<RegisterMapping> registers(KeyReader device, ConfigObject entry, String at, String name) {
    List<? extends ConfigObject> entries = device.get("registers", Config::getObjectList);
    if (entries.isEmpty()) {
      throw device.invalid("registers", "must list at least one register");
    }
    List<Mapped> mapped = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      KeyReader read = new KeyReader(entries.get(i), registerDefaults, at + ".registers[" + i + "]", registerDefaultsAt,
          name);
      read.rejectUnknownKeys(REGISTER_KEYS);
      for (RegisterMapping register : register(read)) {
        mapped.add(new Mapped(register, read));
      }
    }
    rejectDuplicateSignals(mapped);
    rejectOverlaps(mapped);
    return mapped.stream().map(Mapped::register).toList();
  }

  /** One register entry: one value, or with {@code count} that many of the same type one after another. */
  private static List<RegisterMapping> register(KeyReader read) {
    String signal = read.nonBlank("name");
    ModbusTable table = read.oneOf("table", ModbusTable.values(), ModbusTable::find);
    ValueType type = type(read, table);
    int count = read.intIn("count", 1, table.maxPerRead() / type.words());
    if (count > 1 && !signal.contains(INDEX)) {
      throw read.invalid("name", "must contain " + INDEX + " (replaced by 1.." + count + ") when count is more than 1, "
          + "was '" + signal + "'");
    }
    int address = read.intIn("address", 0, 65536 - count * type.words());
    RegisterLayout layout = table.holdsBits() ? RegisterLayout.ABCD
        : RegisterLayout.of(read.little("byte-order"), read.little("word-order"));
    double scale = read.finite("scale");
    double offset = read.finite("offset");
    List<RegisterMapping> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(new RegisterMapping(signal.replace(INDEX, Integer.toString(i + 1)), table,
          address + i * type.words(), type, layout, scale, offset));
    }
    return values;
  }

  private static ValueType type(KeyReader read, ModbusTable table) {
    if (table.holdsBits()) {
      ValueType type = read.has("type") ? read.oneOf("type", ValueType.values(), ValueType::find) : ValueType.BOOL;
      if (type != ValueType.BOOL) {
        throw read.invalid("type", table.description() + " hold single bits: the type must be bool (or left out), was "
            + type);
      }
      return type;
    }
    ValueType type = read.oneOf("type", ValueType.values(), ValueType::find);
    if (type == ValueType.BOOL) {
      throw read.invalid("type", "bool is for coil and discrete; " + table.description() + " hold 16-bit words (read "
          + "a 0/1 register as uint16)");
    }
    return type;
  }

  private static void rejectDuplicateSignals(List<Mapped> mapped) {
    Map<String, Mapped> seen = new HashMap<>();
    for (Mapped m : mapped) {
      Mapped earlier = seen.putIfAbsent(m.register().signal(), m);
      if (earlier != null) {
        throw m.read().invalid("name", "signal '" + m.register().signal() + "' is already read by "
            + earlier.read().where("name") + "; each signal needs its own register");
      }
    }
  }

  private static void rejectOverlaps(List<Mapped> mapped) {
    List<Mapped> sorted = new ArrayList<>(mapped);
    sorted.sort(Comparator.comparing((Mapped m) -> m.register().table()).thenComparingInt(m -> m.register().address()));
    for (int i = 1; i < sorted.size(); i++) {
      RegisterMapping before = sorted.get(i - 1).register();
      RegisterMapping after = sorted.get(i).register();
      if (before.table() == after.table() && before.end() > after.address()) {
        throw sorted.get(i).read().invalid("address", "'" + after.signal() + "' (" + span(after) + ") overlaps '"
            + before.signal() + "' (" + span(before) + ") of " + sorted.get(i - 1).read().where("address"));
      }
    }
  }

  private static String span(RegisterMapping register) {
    return register.table() + " " + register.address() + ".." + (register.end() - 1);
  }

  /** A register with the reader of the entry it came from, to name that entry in errors. */
  private record Mapped(RegisterMapping register, KeyReader read) {}
}
