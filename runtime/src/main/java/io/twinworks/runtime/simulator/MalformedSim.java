package io.twinworks.runtime.simulator;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Once a minute a payload the ingestion must dead-letter, cycling through typical mistakes. */
final class MalformedSim implements SimulatedDevice {

  static final double HZ = 1.0 / 60;

  private final List<String> sensorTopics;
  private final List<String> cellTopics;
  private long emissions;

  MalformedSim(List<String> sensorTopics, List<String> cellTopics) {
    this.sensorTopics = sensorTopics;
    this.cellTopics = cellTopics;
  }

  @Override
  public double hz() {
    return HZ;
  }

  @Override
  public void emit(Instant at, Consumer<SimMessage> out) {
    long n = emissions++;
    String sensorTopic = sensorTopics.isEmpty() ? "sensors/TEMP-01/data" : pick(sensorTopics, n);
    String sensorId = sensorTopic.split("/")[1];
    String topic;
    String payload;
    switch ((int) (n % 3)) {
      case 0 -> {
        topic = sensorTopic;
        payload =
            "{\"sensor_id\":\"" + sensorId + "\",\"temperature\":\"hot\",\"timestamp\":"
                + at.toEpochMilli() + "}";
      }
      case 1 -> {
        topic = sensorTopic;
        payload = "{\"sensor_id\":\"" + sensorId + "\",\"temperature\":42.";
      }
      default -> {
        topic = cellTopics.isEmpty() ? sensorTopic : pick(cellTopics, n);
        payload = "n/a";
      }
    }
    out.accept(new SimMessage(topic, payload, 0));
  }

  private static String pick(List<String> topics, long n) {
    return topics.get((int) (n % topics.size()));
  }
}
