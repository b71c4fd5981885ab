package io.twinworks.persistence.cassandra.launcher;

import java.nio.file.Path;

/** Where things live in a run folder. {@code dir} is absolute and normalized. */
record RunLayout(Path dir) {

  Path conf() {
    return dir.resolve("conf");
  }

  Path yaml() {
    return conf().resolve("cassandra.yaml");
  }

  Path logback() {
    return conf().resolve("logback.xml");
  }

  Path data() {
    return dir.resolve("data");
  }

  Path logs() {
    return dir.resolve("logs");
  }

  Path systemLog() {
    return logs().resolve("system.log");
  }

  Path stdoutLog() {
    return logs().resolve("stdout.log");
  }

  Path triggers() {
    return dir.resolve("triggers");
  }

  Path lock() {
    return dir.resolve("launcher.lock");
  }
}
