package io.twinworks.runtime.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration option as in the configuration files ({@code 30s}, {@code 500ms}, {@code 2m}) or ISO-8601 ({@code PT30S}). */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    try {
      if (text.startsWith("P") || text.startsWith("p")) {
        return Duration.parse(text);
      }
      return ConfigFactory.parseMap(Map.of("d", text)).getDuration("d");
    } catch (ConfigException | java.time.format.DateTimeParseException e) {
      throw new TypeConversionException("'" + text + "' is not a duration such as 30s, 500ms, 2m or PT30S");
    }
  }
}
