package io.twinworks.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code twinworks opcua ...}: tools for OPC UA servers. */
@Command(name = "opcua", mixinStandardHelpOptions = true,
    description = "Tools for OPC UA servers: find the node ids to map to twins.",
    subcommands = OpcUaBrowseCommand.class)
public final class OpcUaCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 1;
  }
}
