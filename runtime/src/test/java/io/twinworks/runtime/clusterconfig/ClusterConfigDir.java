package io.twinworks.runtime.clusterconfig;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code cluster-config/} folder, found upwards from where the tests run (the module folder). */
final class ClusterConfigDir {

  private ClusterConfigDir() {}

  static Path resolve(String child) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("cluster-config");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(child);
      }
    }
    throw new IllegalStateException("no cluster-config/ above " + Path.of("").toAbsolutePath());
  }
}
