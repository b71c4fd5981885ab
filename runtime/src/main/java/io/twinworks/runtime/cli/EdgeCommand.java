package io.twinworks.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.twinworks.runtime.connect.ConnectorPollers;
import io.twinworks.runtime.edge.EdgeGateway;
import io.twinworks.runtime.edge.EdgeSettings;
import io.twinworks.runtime.edge.GatewayFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinworks edge --config gateway.yaml}: the plant-side gateway, until it is stopped (SIGTERM, Ctrl-C). */
@Command(name = "edge", mixinStandardHelpOptions = true,
    description = "Run the edge gateway: poll Modbus/OPC UA at the plant, buffer durably, forward to the central "
        + "MQTT broker.")
public final class EdgeCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", required = true,
      description = "The gateway's YAML file (keys of twinworks.edge, see the README).")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    EdgeGateway gateway;
    EdgeSettings settings;
    try {
      Config root = GatewayFile.load(config);
      settings = EdgeSettings.fromConfig(root);
      gateway = EdgeGateway.start(settings, ConnectorPollers.edge(root, settings.bufferPath()), line -> System.out.println("twinworks: " + line));
    } catch (IllegalArgumentException | IllegalStateException | ConfigException e) {
      System.err.println("twinworks: edge: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      stopped.countDown();
    }, "twinworks-edge-shutdown"));
    System.out.println("twinworks: edge gateway " + settings.gateway() + " forwarding to " + settings.mqtt().url()
        + ", buffer " + settings.bufferPath().toAbsolutePath()
        + (gateway.metricsPort() < 0 ? "" : ", metrics at http://" + settings.metricsHost() + ":"
            + gateway.metricsPort() + "/metrics"));
    stopped.await();
    return 0;
  }
}
