package io.twinworks.runtime.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * A Sparkplug B edge node on a Paho client, as a PLC gateway behaves: its NDEATH is the MQTT will (QoS 0, a
 * deviation plants see), it subscribes to its NCMD topic and keeps the commands it receives, and it numbers its
 * messages 0–255. Metric timestamps rise by one millisecond a message so that no reading repeats a source time.
 */
final class SparkplugEdgeNode implements AutoCloseable {

  private final String brokerUrl;
  private final String group;
  private final String node;
  private final List<Payload> commands = new CopyOnWriteArrayList<>();
  private MqttClient client;
  private long bdSeq;
  private int seq;
  private long millis = System.currentTimeMillis();

  SparkplugEdgeNode(String brokerUrl, String group, String node) {
    this.brokerUrl = brokerUrl;
    this.group = group;
    this.node = node;
  }

  /** Connects with the NDEATH of the next bdSeq as its will, and listens for commands. */
  void connect() throws MqttException {
    bdSeq++;
    client = new MqttClient(brokerUrl, "it-edge-" + node + "-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setWill(topic("NDEATH"), Payload.newBuilder().setTimestamp(millis).addMetrics(bdSeqMetric()).build()
        .toByteArray(), 0, false);
    client.connect(options);
    client.subscribe(topic("NCMD"), 1, (topic, message) -> commands.add(Payload.parseFrom(message.getPayload())));
  }

  /** NBIRTH (seq 0, the connection's bdSeq) with the given metrics, which should carry name, alias and type. */
  void nodeBirth(Metric.Builder... metrics) throws MqttException {
    seq = 0;
    Payload.Builder payload = payload().addMetrics(bdSeqMetric());
    publish(topic("NBIRTH"), payload, metrics);
  }

  void deviceBirth(String device, Metric.Builder... metrics) throws MqttException {
    publish(topic("DBIRTH") + "/" + device, payload(), metrics);
  }

  void nodeData(Metric.Builder... metrics) throws MqttException {
    publish(topic("NDATA"), payload(), metrics);
  }

  void deviceData(String device, Metric.Builder... metrics) throws MqttException {
    publish(topic("DDATA") + "/" + device, payload(), metrics);
  }

  /** Skips a sequence number, as when a message is lost on the way. */
  void loseOneMessage() {
    seq = (seq + 1) % 256;
  }

  /** The connection drops without a DISCONNECT: the broker publishes the will, the NDEATH. */
  void dropConnection() throws MqttException {
    client.disconnectForcibly(0, 1_000, false);
    client.close();
    client = null;
  }

  /** The commands received so far, e.g. rebirth requests. */
  List<Payload> commands() {
    return commands;
  }

  static Metric.Builder defined(String name, long alias, DataType type) {
    return Metric.newBuilder().setName(name).setAlias(alias).setDatatype(type.getNumber());
  }

  static Metric.Builder alias(long alias) {
    return Metric.newBuilder().setAlias(alias);
  }

  private Payload.Builder payload() {
    return Payload.newBuilder().setTimestamp(++millis);
  }

  private void publish(String topic, Payload.Builder payload, Metric.Builder... metrics) throws MqttException {
    for (Metric.Builder metric : metrics) {
      payload.addMetrics(metric.setTimestamp(millis));
    }
    payload.setSeq(seq);
    seq = (seq + 1) % 256;
    client.publish(topic, payload.build().toByteArray(), 0, false);
  }

  private Metric bdSeqMetric() {
    return Metric.newBuilder().setName("bdSeq").setDatatype(DataType.UInt64.getNumber()).setLongValue(bdSeq).build();
  }

  private String topic(String type) {
    return "spBv1.0/" + group + "/" + type + "/" + node;
  }

  @Override
  public void close() throws MqttException {
    if (client != null) {
      client.disconnect();
      client.close();
    }
  }
}
