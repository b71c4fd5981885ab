package io.twinworks.connectors.route;

import static io.twinworks.connectors.route.Decoding.accept;
import static io.twinworks.connectors.route.Decoding.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.Reading;
import org.junit.jupiter.api.Test;

/** Signal names as the payload gives them, through the default {signal} template, and the ones refused. */
class SignalNameTest {

  private static final String TOPIC = "sensors/TEMP-01/data";

  @Test
  void thePayloadsNameIsTheSignal() {
    assertEquals("temp °C", accept(TOPIC, "{\"temp °C\":1}").get(0).signal());
    assertEquals("default:TEMP-01", accept(TOPIC, "{\"t\":1}").get(0).twinId().value());
    assertEquals("mqtt:" + TOPIC, accept(TOPIC, "{\"t\":1}").stream().map(Reading::origin).findFirst().orElseThrow());
  }

  @Test
  void aControlCharacterAnywhereIsRefused() {
    assertEquals("signal name contains a control character", reject(TOPIC, "{\"temp\\u0001\":1}"));
    assertEquals("signal name contains a control character", reject(TOPIC, "{\"\\ttemp\":1}"));
    assertEquals("signal name contains a control character", reject(TOPIC, "{\"temp\\u007f\":1}"));
  }

  @Test
  void blankAndOverlongNamesAreRefused() {
    assertEquals("signal name is empty", reject(TOPIC, "{\" \":1}"));
    assertEquals("signal name is longer than 200 characters: '" + "a".repeat(40) + "...'",
        reject(TOPIC, "{\"" + "a".repeat(201) + "\":1}"));
  }
}
