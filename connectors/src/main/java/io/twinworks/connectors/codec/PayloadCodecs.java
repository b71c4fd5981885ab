package io.twinworks.connectors.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The codecs routes can name. */
public final class PayloadCodecs {

  private PayloadCodecs() {}

  /** The JSON codecs by name: {@code value-json}, {@code machine-json}, {@code sensor-json}, {@code edge-json}. */
  public static Map<String, PayloadCodec> standard(JsonPayloads json) {
    Map<String, PayloadCodec> codecs = new LinkedHashMap<>();
    for (PayloadCodec codec : new PayloadCodec[] {
        new ValueJsonCodec(json), new MachineJsonCodec(json), new SensorJsonCodec(json), new EdgeJsonCodec(json)}) {
      codecs.put(codec.name(), codec);
    }
    return Map.copyOf(codecs);
  }
}
