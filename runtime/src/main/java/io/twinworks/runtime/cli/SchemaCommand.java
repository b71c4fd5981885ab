package io.twinworks.runtime.cli;

import io.twinworks.persistence.cassandra.CassandraStore;
import io.twinworks.runtime.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks schema apply}: creates or upgrades the Cassandra keyspace and tables. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Manage the Cassandra schema (keyspace, journal, snapshots, telemetry).",
    subcommands = SchemaCommand.Apply.class)
public final class SchemaCommand implements Runnable {

  @Override
  public void run() {
    System.out.println("usage: twinworks schema apply [--config F]");
  }

  /** Applies the CQL files of this version to the configured Cassandra. */
  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Create or upgrade the keyspace and tables at twinworks.cassandra.contact-points.")
  static final class Apply implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file with settings.")
    Path config;

    @Override
    public Integer call() {
      try {
        int version = CassandraStore.applySchema(ConfigLoader.load(Optional.ofNullable(config)));
        System.out.println("twinworks: schema version " + version + " is in place");
        return 0;
      } catch (RuntimeException e) {
        System.err.println("twinworks: schema apply failed: " + e.getMessage());
        return 1;
      }
    }
  }
}
