package io.twinworks.runtime.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a bench's report as pretty JSON, times and durations as ISO-8601 text. */
public final class ReportFile {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private ReportFile() {}

  public static void write(Path json, Object report) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
  }
}
