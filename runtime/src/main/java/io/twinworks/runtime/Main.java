package io.twinworks.runtime;

import io.twinworks.runtime.cli.BenchCommand;
import io.twinworks.runtime.cli.CassandraCommand;
import io.twinworks.runtime.cli.DemoCommand;
import io.twinworks.runtime.cli.EdgeCommand;
import io.twinworks.runtime.cli.OpcUaCommand;
import io.twinworks.runtime.cli.RunCommand;
import io.twinworks.runtime.cli.SchemaCommand;
import io.twinworks.runtime.cli.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/twinworks}: the command line of the runtime. */
@Command(
    name = "twinworks",
    mixinStandardHelpOptions = true,
    version = "Twinworks 0.1.0",
    description = "Digital-twin runtime for factories and battery plants.",
    subcommands = {RunCommand.class, DemoCommand.class, EdgeCommand.class, OpcUaCommand.class, CassandraCommand.class,
        SchemaCommand.class, TokenCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  public static void main(String[] args) {
    ensureCommonPoolThreads();
    LoggingAtExit.install();
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /**
   * Pekko's Java futures run their callbacks on the common ForkJoinPool. On a 2-core machine its
   * parallelism is 1, and then the JDK starts a new thread for every callback (thousands per second
   * under load). This must happen before anything touches the pool.
   */
  private static void ensureCommonPoolThreads() {
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
      System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(threads));
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
