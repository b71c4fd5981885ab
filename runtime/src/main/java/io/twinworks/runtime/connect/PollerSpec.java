package io.twinworks.runtime.connect;

import io.twinworks.connectors.poll.ReadingSink;
import java.util.Objects;
import java.util.function.Function;

/**
 * A polling connector (one Modbus device, one OPC UA endpoint) as the cluster runs it: a name unique among the
 * pollers (e.g. {@code modbus:press-7}), and how to start it on a sink; closing what {@code start} returns stops it.
 */
public record PollerSpec(String name, Function<ReadingSink, AutoCloseable> start) {

  public PollerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
  }
}
