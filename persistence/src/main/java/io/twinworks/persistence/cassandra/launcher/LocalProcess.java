package io.twinworks.persistence.cassandra.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Identifies our Cassandra by its command line in {@code /proc/<pid>/cmdline}: it must run
 * {@code CassandraDaemon} and carry the marker {@code -Dtwinworks.cassandra.dir=<run folder>}. A recycled PID or
 * another user's Cassandra never matches, so it is never signalled.
 */
final class LocalProcess {

  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
  static final String DIR_MARKER = "-Dtwinworks.cassandra.dir=";

  private LocalProcess() {}

  static String marker(Path runDir) {
    return DIR_MARKER + runDir;
  }

  /** The live process {@code pid} when it is the Cassandra started from {@code runDir}; zombies do not count. */
  static Optional<ProcessHandle> ours(long pid, Path runDir) {
    if (pid <= 0) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return Optional.empty();
    }
    List<String> args = cmdline(pid);
    if (args.contains(MAIN_CLASS) && args.contains(marker(runDir)) && handle.get().isAlive()) {
      return handle;
    }
    return Optional.empty();
  }

  /**
   * True once {@code handle} has exited: gone, or a zombie not reaped yet (a zombie has closed its files and
   * sockets already). Its cmdline empties earlier, while it still exits, so that is not enough.
   */
  static boolean exited(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return !handle.isAlive();
    }
  }

  /** The process's arguments; empty when it is gone or a zombie (whose cmdline is empty). */
  static List<String> cmdline(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      if (raw.length == 0) {
        return List.of();
      }
      return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }
}
