package io.twinworks.connectors.sparkplug;

import java.time.Instant;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/** The NCMD that asks an edge node to publish its NBIRTH and DBIRTHs again: {@code Node Control/Rebirth} = true. */
public final class RebirthRequest {

  public static final String METRIC = "Node Control/Rebirth";

  private RebirthRequest() {}

  /** The NCMD payload, stamped {@code at}. */
  public static byte[] payload(Instant at) {
    long millis = at.toEpochMilli();
    return Payload.newBuilder()
        .setTimestamp(millis)
        .addMetrics(Metric.newBuilder()
            .setName(METRIC)
            .setTimestamp(millis)
            .setDatatype(DataType.Boolean.getNumber())
            .setBooleanValue(true))
        .build()
        .toByteArray();
  }
}
