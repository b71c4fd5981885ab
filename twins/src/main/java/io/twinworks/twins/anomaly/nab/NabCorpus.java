package io.twinworks.twins.anomaly.nab;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import io.twinworks.twins.anomaly.nab.NabScorer.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A NAB corpus directory as NAB lays it out: {@code data/<group>/<file>.csv} with rows
 * {@code timestamp,value} (times without a zone, taken as UTC) and {@code labels/combined_windows.json}
 * mapping each file's name ({@code <group>/<file>.csv}) to its anomaly windows. Only the files the labels
 * name are read. Memory: every row of every listed file (two arrays per file).
 */
public final class NabCorpus {

  static final String LABELS = "labels/combined_windows.json";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  /** One data file: its name as the labels write it, its rows in file order, its windows in time order. */
  public record DataFile(String name, long[] times, double[] values, List<Window> windows) {

    /** The file name without its group and extension, e.g. {@code art_daily_jumpsup}. */
    public String stem() {
      String file = name.substring(name.lastIndexOf('/') + 1);
      return file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
    }
  }

  private NabCorpus() {}

  /** Whether {@code directory} holds a NAB corpus (its labels file). */
  public static boolean isCorpus(Path directory) {
    return Files.isRegularFile(directory.resolve(LABELS));
  }

  /** Every labelled file of the corpus, ordered by name. */
  public static List<DataFile> load(Path directory) {
    Path labels = directory.resolve(LABELS);
    ConfigObject root;
    try {
      root = ConfigFactory.parseFile(labels.toFile(), ConfigParseOptions.defaults()
          .setSyntax(ConfigSyntax.JSON).setAllowMissing(false)).root();
    } catch (ConfigException e) {
      throw new IllegalArgumentException("cannot read " + labels + ": " + e.getMessage(), e);
    }
    List<DataFile> files = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(root).entrySet()) {
      files.add(file(directory, entry.getKey(), windows(entry.getKey(), entry.getValue().unwrapped())));
    }
    return files;
  }

  private static List<Window> windows(String name, Object labels) {
    if (!(labels instanceof List<?> list)) {
      throw new IllegalArgumentException(LABELS + ": \"" + name + "\" must be a list of [start, end], was " + labels);
    }
    List<Window> windows = new ArrayList<>();
    for (Object window : list) {
      if (!(window instanceof List<?> ends) || ends.size() != 2) {
        throw new IllegalArgumentException(LABELS + ": \"" + name + "\" has a window that is not [start, end]: "
            + window);
      }
      windows.add(new Window(micros(String.valueOf(ends.get(0))), micros(String.valueOf(ends.get(1)))));
    }
    return windows;
  }

  private static DataFile file(Path directory, String name, List<Window> windows) {
    Path csv = directory.resolve("data").resolve(name);
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    long[] times = new long[lines.size() - 1];
    double[] values = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      try {
        times[i - 1] = micros(cells[0]);
        values[i - 1] = Double.parseDouble(cells[1]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + " is not 'timestamp,value': " + lines.get(i), e);
      }
    }
    return new DataFile(name, times, values, windows);
  }

  /** A NAB time ({@code yyyy-MM-dd HH:mm:ss[.SSSSSS]}, UTC) as epoch microseconds. */
  public static long micros(String time) {
    try {
      LocalDateTime local = LocalDateTime.parse(time.trim(), TIME);
      return local.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + local.getNano() / 1_000;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a NAB time (yyyy-MM-dd HH:mm:ss): '" + time + "'", e);
    }
  }
}
