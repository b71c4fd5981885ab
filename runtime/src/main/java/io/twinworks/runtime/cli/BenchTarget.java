package io.twinworks.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** What every bench is pointed at and where it writes: the broker, the HTTP API, a JSON file. */
final class BenchTarget {

  @Option(names = "--mqtt-url", defaultValue = "tcp://127.0.0.1:1883", description = "Broker (default ${DEFAULT-VALUE}).")
  String mqttUrl;

  @Option(names = "--http-url", defaultValue = "http://127.0.0.1:8080",
      description = "Twinworks HTTP API (default ${DEFAULT-VALUE}).")
  String httpUrl;

  @Option(names = "--window", defaultValue = "1000", description = "Publishes in flight (default ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  /** Runs a bench: exit code 0 when it says so, 2 for a bad option, 1 when it fails, with the reason. */
  static int run(String name, Callable<Boolean> bench) {
    try {
      return bench.call() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      System.err.println("twinworks: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("twinworks: " + name + " failed: " + e.getMessage());
      return 1;
    }
  }
}
