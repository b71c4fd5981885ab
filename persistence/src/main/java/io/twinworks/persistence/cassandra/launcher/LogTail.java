package io.twinworks.persistence.cassandra.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, for error messages. */
final class LogTail {

  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  static String of(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no " + file + ")";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      raf.seek(length - size);
      raf.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
      return last.isEmpty() || (last.size() == 1 && last.get(0).isEmpty()) ? "(" + file + " is empty)"
          : String.join("\n", last);
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  static boolean contains(Path file, String text) {
    try {
      return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
