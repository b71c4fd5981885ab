package io.twinworks.connectors.opcua;

import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * Turns the values of one endpoint's nodes into readings, and what cannot be a reading into dead letters: a
 * node that does not exist or cannot be read, a monitored item the server refused (each once per node), a value
 * that is not a number (once per node: the next values of that node are skipped quietly). Thread-safe.
 */
final class NodeValueMapper {

  /** Statuses of a read that mean the configuration is wrong, not the value. */
  private static final Set<Long> NODE_PROBLEMS = Set.of(StatusCodes.Bad_NodeIdUnknown, StatusCodes.Bad_NodeIdInvalid,
      StatusCodes.Bad_AttributeIdInvalid, StatusCodes.Bad_NotReadable, StatusCodes.Bad_UserAccessDenied,
      StatusCodes.Bad_SecurityModeInsufficient);

  private final String origin;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  /** The last number of each node, given with a Bad status that comes without a value. */
  private final Map<NodeId, Double> lastNumber = new ConcurrentHashMap<>();

  NodeValueMapper(String origin) {
    this.origin = origin;
  }

  /** Adds the reading of {@code value} (or its dead letter) to {@code out}. */
  void map(NodeMapping node, DataValue value, Instant received, Batch out) {
    StatusCode status = value.getStatusCode() == null ? StatusCode.GOOD : value.getStatusCode();
    if (NODE_PROBLEMS.contains(status.getValue())) {
      nodeFailed(node, "cannot read node " + node.nodeIdText() + ": " + DataValues.describe(status), received, out);
      return;
    }
    OptionalDouble number = DataValues.number(value.getValue());
    Quality quality = DataValues.quality(status);
    if (number.isEmpty() && value.getValue() != null && value.getValue().isNotNull()) {
      onceFor(node, "not-numeric", received, out, "node " + node.nodeIdText() + " (" + node.twin() + " "
          + node.signal() + ") has a value that is not a number or boolean; its values are skipped",
          String.valueOf(value.getValue().getValue()));
      return;
    }
    if (number.isEmpty()) {
      Double last = lastNumber.get(node.nodeId());
      if (last == null || quality == Quality.GOOD) {
        return; // a value without a value, nothing to tell a twin
      }
      number = OptionalDouble.of(last);
    } else {
      lastNumber.put(node.nodeId(), number.getAsDouble());
    }
    out.readings.add(new Reading(node.twin(), node.kind(), node.signal(), number.getAsDouble(), quality,
        DataValues.sourceTime(value, received), received, origin, 0));
  }

  /** Adds a dead letter for a node that cannot be read or monitored, unless one was already given for it. */
  void nodeFailed(NodeMapping node, String reason, Instant time, Batch out) {
    onceFor(node, "node", time, out, reason, node.nodeIdText());
  }

  /** Forgets a node's reported problem, so that it is reported again if it comes back (e.g. after it worked). */
  void nodeWorks(NodeMapping node) {
    reported.remove(node.nodeIdText() + "|node");
  }

  private void onceFor(NodeMapping node, String problem, Instant time, Batch out, String reason, String payload) {
    if (reported.add(node.nodeIdText() + "|" + problem)) {
      out.deadLetters.add(DeadLetter.of(time, origin + "/" + node.nodeIdText(), reason,
          payload.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
