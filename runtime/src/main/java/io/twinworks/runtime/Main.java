package io.twinworks.runtime;

import io.twinworks.runtime.cli.DemoCommand;
import io.twinworks.runtime.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/twinworks}: the command line of the runtime. */
@Command(
    name = "twinworks",
    mixinStandardHelpOptions = true,
    version = "Twinworks 0.1.0",
    description = "Digital-twin runtime for factories and battery plants.",
    subcommands = {RunCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
