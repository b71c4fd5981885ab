package io.twinworks.twins.anomaly.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.twins.anomaly.nab.NabScorer.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The NAB series and labelled windows under {@code /work/shared/data/nab} (or the directory in the
 * system property {@code twinworks.nab.dir}): CSV {@code timestamp,value} rows, times without a zone
 * taken as UTC, and {@code labels/combined_windows.json}.
 */
final class NabCorpus {

  static final Path DIRECTORY = Path.of(System.getProperty("twinworks.nab.dir", "/work/shared/data/nab"));
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  /** One data file: its name as the labels write it, its rows, its windows. */
  record DataFile(String name, long[] times, double[] values, List<Window> windows) {}

  private NabCorpus() {}

  static boolean available() {
    return Files.isRegularFile(DIRECTORY.resolve("labels/combined_windows.json"));
  }

  static List<DataFile> load() {
    try {
      JsonNode labels = new ObjectMapper().readTree(DIRECTORY.resolve("labels/combined_windows.json").toFile());
      List<DataFile> files = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        files.add(file(entry.getKey(), entry.getValue()));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataFile file(String name, JsonNode windowLabels) throws IOException {
    List<String> lines = Files.readAllLines(DIRECTORY.resolve("data").resolve(name));
    long[] times = new long[lines.size() - 1];
    double[] values = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      times[i - 1] = micros(cells[0]);
      values[i - 1] = Double.parseDouble(cells[1]);
    }
    List<Window> windows = new ArrayList<>();
    for (JsonNode window : windowLabels) {
      windows.add(new Window(micros(window.get(0).asText()), micros(window.get(1).asText())));
    }
    return new DataFile(name, times, values, windows);
  }

  static long micros(String time) {
    LocalDateTime local = LocalDateTime.parse(time.trim(), TIME);
    return local.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + local.getNano() / 1_000;
  }
}
