package io.twinworks.connectors.sparkplug;

import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Sparkplug message comes to. A message can do several things at once: a DDATA after a sequence gap has
 * readings and asks for a rebirth; one whose every metric has an unknown alias asks for a rebirth and is kept as
 * a dead letter.
 *
 * @param readings the metrics with a numeric value, in payload order
 * @param lost twins whose source died (NDEATH: the node's twin and its devices'; DDEATH: the device's)
 * @param rebirth the edge node to send a rebirth request to
 * @param rejected why the message (or what it carried) could not be used, for the dead letters
 */
public record SparkplugResult(
    List<Reading> readings, List<TwinId> lost, Optional<EdgeNodeId> rebirth, Optional<String> rejected) {

  private static final SparkplugResult NOTHING = new SparkplugResult(List.of(), List.of(), Optional.empty(),
      Optional.empty());

  public SparkplugResult {
    readings = List.copyOf(readings);
    lost = List.copyOf(lost);
    Objects.requireNonNull(rebirth, "rebirth");
    Objects.requireNonNull(rejected, "rejected");
  }

  /** A message that changes nothing here (a command, a host's STATE, a stale death). */
  static SparkplugResult nothing() {
    return NOTHING;
  }

  static SparkplugResult rejected(String reason) {
    return new SparkplugResult(List.of(), List.of(), Optional.empty(), Optional.of(reason));
  }
}
