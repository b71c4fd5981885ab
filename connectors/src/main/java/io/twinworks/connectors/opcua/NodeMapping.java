package io.twinworks.connectors.opcua;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * One OPC UA variable and the twin signal its values become.
 *
 * @param mode subscribe (a monitored item: sampling interval, queue size, deadband) or poll (a read every
 *     poll interval)
 */
public record NodeMapping(
    NodeId nodeId,
    TwinId twin,
    TwinKind kind,
    String signal,
    Mode mode,
    Duration samplingInterval,
    int queueSize,
    Deadband deadband,
    Duration pollInterval) {

  /** How values of a node are fetched. */
  public enum Mode {
    SUBSCRIBE,
    POLL
  }

  public NodeMapping {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(samplingInterval, "samplingInterval");
    Objects.requireNonNull(deadband, "deadband");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (queueSize < 1) {
      throw new IllegalArgumentException("queue size must be at least 1, was " + queueSize);
    }
  }

  /** The node id as written in configuration, e.g. {@code ns=2;s=Line1.Temp}. */
  public String nodeIdText() {
    return nodeId.toParseableString();
  }
}
