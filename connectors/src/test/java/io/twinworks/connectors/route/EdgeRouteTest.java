package io.twinworks.connectors.route;

import static io.twinworks.connectors.route.Decoding.RECEIVED;
import static io.twinworks.connectors.route.Decoding.accept;
import static io.twinworks.connectors.route.Decoding.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What edge gateways forward: the twin from the topic, the readings with the origin and seq of the payload. */
class EdgeRouteTest {

  @Test
  void aPollOfOneTwinKeepsItsOriginSeqQualityAndTimes() {
    List<Reading> readings = accept("edge/plant1-gw/machine/acme:p1:press7", """
        {"origin":"modbus:press7","seq":42,"readings":[
          {"signal":"pressure","value":1.5,"quality":"good","timestamp":"2024-05-01T11:59:59.100Z"},
          {"signal":"temperature","value":61,"quality":"bad","timestamp":"2024-05-01T11:59:59.100Z"}]}""");
    TwinId id = TwinId.of("acme:p1:press7");
    Instant polled = Instant.parse("2024-05-01T11:59:59.100Z");
    assertEquals(List.of(
        new Reading(id, TwinKind.MACHINE, "pressure", 1.5, Quality.GOOD, polled, RECEIVED, "modbus:press7", 42),
        new Reading(id, TwinKind.MACHINE, "temperature", 61, Quality.BAD, polled, RECEIVED, "modbus:press7", 42)),
        readings);
  }

  @Test
  void theKindIsInTheTopic() {
    String payload = "{\"origin\":\"opcua:line1\",\"seq\":1,\"readings\":[{\"signal\":\"v\",\"value\":1}]}";
    assertEquals(TwinKind.SENSOR, accept("edge/gw/sensor/default:T1", payload).get(0).kind());
    assertEquals(TwinKind.BATTERY_PACK, accept("edge/gw/battery-pack/acme:p1:r1:pk7", payload).get(0).kind());
  }

  @Test
  void badEdgePayloadsSayWhy() {
    assertTrue(reject("edge/gw/machine/default:m1", "{\"seq\":1,\"readings\":[{\"signal\":\"v\",\"value\":1}]}")
        .contains("'origin'"));
    assertTrue(reject("edge/gw/machine/default:m1", "{\"origin\":\"m\",\"seq\":-1,\"readings\":[]}")
        .contains("'seq'"));
    assertTrue(reject("edge/gw/machine/default:m1", "{\"origin\":\"m\",\"seq\":1,\"readings\":[]}")
        .contains("'readings'"));
    assertTrue(reject("edge/gw/machine/not a twin", "{\"origin\":\"m\",\"seq\":1,\"readings\":[{\"signal\":\"v\","
        + "\"value\":1}]}").contains("twin id"));
  }
}
