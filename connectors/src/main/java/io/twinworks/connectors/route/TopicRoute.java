package io.twinworks.connectors.route;

import io.twinworks.connectors.codec.PayloadCodec;
import io.twinworks.connectors.codec.PayloadRejected;
import io.twinworks.connectors.codec.Sample;
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
 * @param twinId renders the twin id from the topic's variables
 * @param signal renders each signal name from the topic's variables and {@code {signal}}, the name the payload
 *     gives (just {@code {signal}} when the route does not set one)
 */
public record TopicRoute(
    String name, TopicPattern topic, TwinKind kind, Template twinId, Template signal, PayloadCodec codec) {

  public static final int MAX_SIGNAL_LENGTH = 200;

  /** Decodes a message whose topic matched this route with the given variable values. */
  public Decoded decode(String topicName, Map<String, String> variables, byte[] payload, Instant receivedTime) {
    TwinId id;
    try {
      id = TwinId.of(twinId.render(variables));
    } catch (IllegalArgumentException e) {
      return new Decoded.Rejected("topic '" + topicName + "' gives no valid twin id: " + e.getMessage());
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
      String signalProblem = signalProblem(signalName);
      if (signalProblem != null) {
        return new Decoded.Rejected(signalProblem);
      }
      readings.add(new Reading(id, kind, signalName, sample.value(), sample.quality(),
          sample.sourceTime(), receivedTime, sample.origin() == null ? origin : sample.origin(), sample.seq()));
    }
    return new Decoded.Accepted(readings);
  }

  private static String signalProblem(String signal) {
    if (signal.isBlank()) {
      return "signal name is empty";
    }
    if (signal.length() > MAX_SIGNAL_LENGTH) {
      return "signal name is longer than " + MAX_SIGNAL_LENGTH + " characters: '" + signal.substring(0, 40) + "...'";
    }
    for (int i = 0; i < signal.length(); i++) {
      if (Character.isISOControl(signal.charAt(i))) {
        return "signal name contains a control character";
      }
    }
    return null;
  }
}
