package io.twinworks.runtime.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Reads a gateway YAML file into the {@code twinworks.edge} config, with the defaults for what it leaves out. */
public final class GatewayFile {

  private static final YAMLMapper YAML = new YAMLMapper();

  private GatewayFile() {}

  /** The resolved root config; a missing or malformed file is an {@link IllegalArgumentException} naming it. */
  public static Config load(Path file) {
    Map<String, Object> keys;
    try {
      keys = YAML.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("gateway file " + file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("gateway file " + file + " is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read gateway file " + file + ": " + e.getMessage());
    }
    if (keys == null) {
      throw new IllegalArgumentException("gateway file " + file + " is empty");
    }
    return EdgeSettings.withDefaults(ConfigValueFactory.fromMap(keys).toConfig());
  }
}
