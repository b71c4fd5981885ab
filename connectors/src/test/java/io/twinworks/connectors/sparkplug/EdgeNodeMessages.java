package io.twinworks.connectors.sparkplug;

import java.time.Instant;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/** Sparkplug B payloads as an edge node builds them, with tahu's protobuf builders. */
final class EdgeNodeMessages {

  static final Instant RECEIVED = Instant.parse("2026-11-22T10:00:00Z");
  /** 2026-11-22T09:59:59Z: the edge node's clock, a second behind ours. */
  static final long NODE_MILLIS = RECEIVED.toEpochMilli() - 1_000;

  private EdgeNodeMessages() {}

  static Metric.Builder named(String name, long alias, DataType type) {
    return Metric.newBuilder().setName(name).setAlias(alias).setDatatype(type.getNumber());
  }

  static Metric.Builder alias(long alias) {
    return Metric.newBuilder().setAlias(alias);
  }

  static Metric bdSeq(long value) {
    return Metric.newBuilder().setName("bdSeq").setDatatype(DataType.Int64.getNumber()).setLongValue(value).build();
  }

  static byte[] payload(long seq, Metric.Builder... metrics) {
    Payload.Builder payload = Payload.newBuilder().setTimestamp(NODE_MILLIS).setSeq(seq);
    for (Metric.Builder metric : metrics) {
      payload.addMetrics(metric);
    }
    return payload.build().toByteArray();
  }

  /** An NBIRTH with bdSeq, the rebirth control and two aliased metrics: Temperature (1, Double) and Running (2). */
  static byte[] nodeBirth(long bdSeq) {
    return Payload.newBuilder().setTimestamp(NODE_MILLIS).setSeq(0)
        .addMetrics(bdSeq(bdSeq))
        .addMetrics(Metric.newBuilder().setName("Node Control/Rebirth").setDatatype(DataType.Boolean.getNumber())
            .setBooleanValue(false))
        .addMetrics(named("Temperature", 1, DataType.Double).setDoubleValue(21.5))
        .addMetrics(named("Running", 2, DataType.Boolean).setBooleanValue(true))
        .build().toByteArray();
  }

  static byte[] nodeDeath(long bdSeq) {
    return Payload.newBuilder().setTimestamp(NODE_MILLIS).addMetrics(bdSeq(bdSeq)).build().toByteArray();
  }
}
