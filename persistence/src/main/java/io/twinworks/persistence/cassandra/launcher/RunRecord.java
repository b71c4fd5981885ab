package io.twinworks.persistence.cassandra.launcher;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code <dir>/cassandra.json}: what the launcher started, read back by {@code status} and {@code stop}. */
record RunRecord(long pid, String version, String host, int cqlPort, int storagePort, int sslStoragePort,
    int jmxPort, String contactPoint, String dir, String startedAt) {

  static final String FILE = "cassandra.json";
  static final String PID_FILE = "cassandra.pid";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  void write(Path runDir) throws IOException {
    Path json = runDir.resolve(FILE);
    Path tmp = runDir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(runDir.resolve(PID_FILE), pid + "\n");
  }

  /** The record, when there is a readable one. */
  static Optional<RunRecord> read(Path runDir) {
    Path json = runDir.resolve(FILE);
    if (!Files.isRegularFile(json)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(json.toFile(), RunRecord.class));
    } catch (IOException e) {
      throw new CassandraLaunchException("unreadable run record " + json + ": " + e.getMessage(), e);
    }
  }

  /** Forgets the process (the folder's data stays). */
  static void delete(Path runDir) throws IOException {
    Files.deleteIfExists(runDir.resolve(PID_FILE));
    Files.deleteIfExists(runDir.resolve(FILE));
  }
}
