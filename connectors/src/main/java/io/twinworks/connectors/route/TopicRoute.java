package io.twinworks.connectors.route;

import io.twinworks.connectors.codec.PayloadCodec;
import io.twinworks.connectors.codec.PayloadRejected;
import io.twinworks.connectors.codec.Sample;
import io.twinworks.connectors.codec.UntrustedText;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps messages on a topic pattern to readings of one kind of twin.
 *
 * @param tenant the only tenant whose twins this route may write to; empty for any (see {@link TenantScope}: a
 *     topic under {@code tenants/<tenant>/} may write only to that tenant's twins either way)
 * @param twinId renders the twin id from the topic's variables
 * @param signal renders each signal name from the topic's variables and {@code {signal}}, the name the payload
 *     gives (just {@code {signal}} when the route does not set one)
 */
public record TopicRoute(
    String name, TopicPattern topic, String tenant, TwinKind kind, Template twinId, Template signal,
    PayloadCodec codec) {

  /** The longest signal name a payload may give. */
  public static final int MAX_SIGNAL_LENGTH = UntrustedText.MAX_NAME_LENGTH;

  /** Decodes a message whose topic matched this route with the given variable values. */
  public Decoded decode(String topicName, Map<String, String> variables, byte[] payload, Instant receivedTime) {
    if (!twinId.isSingleVariable()) {
      for (String level : variables.values()) {
        if (level.indexOf(':') >= 0) {
          return new Decoded.Rejected("topic '" + UntrustedText.shown(topicName) + "' has a level '"
              + UntrustedText.shown(level) + "' with ':', which would add a segment to the twin id");
        }
      }
    }
    TwinId id;
    try {
      id = TwinId.of(twinId.render(variables));
    } catch (IllegalArgumentException e) {
      return new Decoded.Rejected("topic '" + UntrustedText.shown(topicName) + "' gives no valid twin id: "
          + e.getMessage());
    }
    String tenantProblem = TenantScope.problem(name, tenant, topicName, id);
    if (tenantProblem != null) {
      return new Decoded.Rejected(tenantProblem);
    }
    List<Sample> samples;
    try {
      samples = codec.decode(payload, receivedTime);
    } catch (PayloadRejected e) {
      return new Decoded.Rejected(e.getMessage());
    }
    Map<String, String> values = new HashMap<>(variables);
    String origin = "mqtt:" + topicName;
    List<Reading> readings = new ArrayList<>(samples.size());
    for (Sample sample : samples) {
      values.put(Template.SIGNAL, sample.signal());
      String signalName = signal.render(values);
      String problem = UntrustedText.nameProblem("signal name", signalName);
      if (problem == null && sample.origin() != null) {
        problem = UntrustedText.nameProblem("origin", sample.origin());
      }
      if (problem != null) {
        return new Decoded.Rejected(problem);
      }
      readings.add(new Reading(id, kind, signalName, sample.value(), sample.quality(),
          sample.sourceTime(), receivedTime, sample.origin() == null ? origin : sample.origin(), sample.seq()));
    }
    return new Decoded.Accepted(readings);
  }
}
