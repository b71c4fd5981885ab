package io.twinworks.runtime.cli;

import io.twinworks.persistence.cassandra.launcher.CassandraLaunchException;
import io.twinworks.persistence.cassandra.launcher.CassandraLauncher;
import io.twinworks.persistence.cassandra.launcher.CassandraNode;
import io.twinworks.persistence.cassandra.launcher.LaunchSettings;
import io.twinworks.persistence.cassandra.launcher.Status;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twinworks cassandra start|stop|status}: a dev/test Cassandra 5.0 from Maven Central on 127.0.0.1, running
 * in the background from one folder. Not for production.
 */
@Command(name = "cassandra", mixinStandardHelpOptions = true,
    description = "A dev/test Cassandra on 127.0.0.1, in the background (needs Java 17 and Maven).",
    subcommands = {CassandraCommand.Start.class, CassandraCommand.Stop.class, CassandraCommand.StatusCommand.class})
public final class CassandraCommand implements Callable<Integer> {

  static final String DEFAULT_DIR = "./data/cassandra";
  private static final Consumer<String> PROGRESS = line -> System.out.println("twinworks: " + line);

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 1;
  }

  /** A subcommand about the Cassandra of one folder; launcher errors become a message and exit code 1. */
  abstract static class FolderCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
        description = "Its folder: conf, data, logs, pid (default ${DEFAULT-VALUE}).")
    Path dir;

    abstract int run();

    @Override
    public Integer call() {
      try {
        return run();
      } catch (CassandraLaunchException | IllegalArgumentException e) {
        System.err.println("twinworks: cassandra: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Start Cassandra (or find it running), wait until CQL answers, print the contact point.")
  static final class Start extends FolderCommand {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9042",
        description = "CQL port on 127.0.0.1 (default ${DEFAULT-VALUE}); its other ports are free ones.")
    int port;

    @Override
    int run() {
      CassandraNode node = CassandraLauncher.start(LaunchSettings.of(dir, port), PROGRESS);
      System.out.println(node.contactPoint());
      return 0;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stop the Cassandra started from DIR (exactly that process).")
  static final class Stop extends FolderCommand {

    @Override
    int run() {
      CassandraLauncher.stop(dir, PROGRESS);
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Say whether the Cassandra of DIR runs, its pid and contact point; exit 0 when it answers CQL.")
  static final class StatusCommand extends FolderCommand {

    @Override
    int run() {
      Status status = CassandraLauncher.status(dir);
      System.out.println("twinworks: cassandra " + status.describe());
      if (status.running()) {
        System.out.println(status.contactPoint());
      }
      return status.running() && status.cqlAnswering() ? 0 : 1;
    }
  }
}
